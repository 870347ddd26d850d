package dev.jlogin.cli.terminal;

import io.nayuki.qrcodegen.DataTooLongException;
import io.nayuki.qrcodegen.QrCode;
import java.util.ArrayList;
import java.util.List;

/**
 * A QR code drawn in text, for a phone to read off a terminal (over SSH there is no browser to
 * open). Nayuki's qrcodegen builds the code; this class only draws it: Unicode half blocks, two
 * rows of modules per line so the modules come out square, inside a light quiet zone.
 */
public final class QrCodeText {
    /** Light modules around the code: readers need a margin to find it (ISO 18004 asks for 4; 2 is read everywhere and saves lines). */
    static final int QUIET_ZONE = 2;
    private static final String UPPER = "\u2580";
    private static final String LOWER = "\u2584";
    private static final String FULL = "\u2588";

    /**
     * How the terminal shows the drawing. A block character is drawn in the terminal's text colour;
     * a QR code needs dark modules on light. With colours allowed, black on white is set explicitly
     * (the 256-colour palette's black and white, which themes do not change); without them, the
     * blocks draw the light modules on a dark background and the dark ones on a light background.
     */
    public enum Palette {
        BLACK_ON_WHITE, LIGHT_TEXT, DARK_TEXT;

        /**
         * Colours where stderr may be styled; otherwise the background from COLORFGBG ("fg;bg", set
         * by rxvt, Konsole and others; 7 and 15 are white), else dark, the common default.
         */
        public static Palette of(Environment env) {
            if (Terminal.stylesStderr(env)) {
                return BLACK_ON_WHITE;
            }
            String colours = env.variables().getOrDefault("COLORFGBG", "");
            String background = colours.substring(colours.lastIndexOf(';') + 1);
            return background.equals("7") || background.equals("15") ? DARK_TEXT : LIGHT_TEXT;
        }

        private boolean blocksAreDark() {
            return this != LIGHT_TEXT;
        }
    }

    /** The lines of a drawing, or none and why not (a clause for a person). */
    public record Drawing(List<String> lines, String whyNot) {
        public static Drawing skipped(String whyNot) {
            return new Drawing(List.of(), whyNot);
        }
    }

    private QrCodeText() {
    }

    /** The lines that draw {@code text} in at most {@code width} columns, or why it cannot be drawn. */
    public static Drawing draw(String text, int width, Palette palette) {
        QrCode code;
        try {
            code = QrCode.encodeText(text, QrCode.Ecc.LOW);
        } catch (DataTooLongException e) {
            return Drawing.skipped("the link is too long for a QR code");
        }
        int side = code.size + 2 * QUIET_ZONE;
        if (side > width) {
            return Drawing.skipped("a QR code of the link needs " + side + " columns, more than " + width);
        }
        List<String> lines = new ArrayList<>();
        for (int y = -QUIET_ZONE; y < code.size + QUIET_ZONE; y += 2) {
            StringBuilder line = new StringBuilder(side + 32);
            if (palette == Palette.BLACK_ON_WHITE) {
                line.append("\u001b[38;5;16;48;5;231m");
            }
            for (int x = -QUIET_ZONE; x < code.size + QUIET_ZONE; x++) {
                // a module outside the code (the quiet zone, or below an odd last row) is light
                boolean top = code.getModule(x, y) == palette.blocksAreDark();
                boolean bottom = code.getModule(x, y + 1) == palette.blocksAreDark();
                line.append(top ? (bottom ? FULL : UPPER) : (bottom ? LOWER : " "));
            }
            if (palette == Palette.BLACK_ON_WHITE) {
                line.append("\u001b[0m");
            }
            lines.add(line.toString());
        }
        return new Drawing(lines, "");
    }
}
