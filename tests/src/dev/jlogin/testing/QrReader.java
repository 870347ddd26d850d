package dev.jlogin.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a QR code drawn in text the way a phone would read it off a screen: the text is rendered
 * into an image as a terminal shows it (half blocks in the text colour on the background, with
 * explicit 256-colour SGR colours where the text sets them) and the image is decoded by zbarimg
 * (Debian zbar-tools), a decoder independent of the library that built the code.
 */
public final class QrReader {
    /** A terminal's colours: its text colour and its background, black or white. */
    public enum Screen {
        DARK(false), LIGHT(true);

        final boolean backgroundWhite;

        Screen(boolean backgroundWhite) {
            this.backgroundWhite = backgroundWhite;
        }
    }

    private static final int PIXELS = 4;
    /** The rest of the screen around the drawing, in modules. */
    private static final int MARGIN = 6;
    private static final Pattern SGR = Pattern.compile("\u001b\\[([0-9;]*)m");

    private QrReader() {
    }

    /** What zbarimg reads in {@code lines} shown on {@code screen}; empty when it finds no QR code. */
    public static Optional<String> read(List<String> lines, Screen screen, Path folder) throws IOException, InterruptedException {
        boolean[][] cells = render(lines, screen);
        Path image = folder.resolve("qr-" + screen + ".pbm");
        StringBuilder pbm = new StringBuilder("P1\n" + cells[0].length + " " + cells.length + "\n");
        for (boolean[] row : cells) {
            for (boolean black : row) {
                pbm.append(black ? "1 " : "0 ");
            }
            pbm.append('\n');
        }
        Files.writeString(image, pbm);
        Path errors = folder.resolve("zbarimg.err");
        // --nodbus: zbarimg would otherwise also announce the result on the system bus
        Process zbar = new ProcessBuilder("zbarimg", "--quiet", "--raw", "--nodbus", image.toString())
                .redirectError(errors.toFile()).start();
        String out = new String(zbar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!zbar.waitFor(30, TimeUnit.SECONDS)) {
            zbar.destroyForcibly();
            throw new AssertionError("zbarimg did not finish");
        }
        // 0: a code was read; 4: none was found; anything else is a broken setup, not a verdict
        if (zbar.exitValue() == 4) {
            return Optional.empty();
        }
        if (zbar.exitValue() != 0) {
            throw new AssertionError("zbarimg failed (" + zbar.exitValue() + "): " + out + Files.readString(errors));
        }
        return Optional.of(out.endsWith("\n") ? out.substring(0, out.length() - 1) : out);
    }

    /** Black (true) and white pixels: each character is a cell one module wide and two high. */
    private static boolean[][] render(List<String> lines, Screen screen) {
        int columns = lines.stream().mapToInt(l -> SGR.matcher(l).replaceAll("").length()).max().orElse(0);
        int width = (columns + 2 * MARGIN) * PIXELS;
        int height = (2 * lines.size() + 2 * MARGIN) * PIXELS;
        boolean[][] pixels = new boolean[height][width];
        for (boolean[] row : pixels) {
            Arrays.fill(row, !screen.backgroundWhite);
        }
        for (int line = 0; line < lines.size(); line++) {
            boolean textBlack = screen.backgroundWhite;
            boolean backBlack = !screen.backgroundWhite;
            String text = lines.get(line);
            int column = 0;
            for (int i = 0; i < text.length(); ) {
                Matcher sgr = SGR.matcher(text).region(i, text.length());
                if (sgr.lookingAt()) {
                    String[] codes = sgr.group(1).split(";");
                    if (codes.length == 1 && (codes[0].isEmpty() || codes[0].equals("0"))) {
                        textBlack = screen.backgroundWhite;
                        backBlack = !screen.backgroundWhite;
                    } else if (codes.length == 6 && codes[0].equals("38") && codes[1].equals("5") && codes[3].equals("48")
                            && codes[4].equals("5")) {
                        textBlack = black(codes[2]);
                        backBlack = black(codes[5]);
                    } else {
                        throw new AssertionError("an escape sequence this reader does not know: " + sgr.group());
                    }
                    i = sgr.end();
                    continue;
                }
                char c = text.charAt(i++);
                boolean top = c == '\u2580' || c == '\u2588';
                boolean bottom = c == '\u2584' || c == '\u2588';
                if (!top && !bottom && c != ' ') {
                    throw new AssertionError("not a half-block drawing: " + c);
                }
                paint(pixels, MARGIN + column, MARGIN + 2 * line, top ? textBlack : backBlack);
                paint(pixels, MARGIN + column, MARGIN + 2 * line + 1, bottom ? textBlack : backBlack);
                column++;
            }
        }
        return pixels;
    }

    private static boolean black(String colour) {
        return switch (colour) {
            case "16" -> true;
            case "231" -> false;
            default -> throw new AssertionError("a colour this reader does not know: " + colour);
        };
    }

    private static void paint(boolean[][] pixels, int moduleX, int moduleY, boolean black) {
        for (int y = moduleY * PIXELS; y < (moduleY + 1) * PIXELS; y++) {
            for (int x = moduleX * PIXELS; x < (moduleX + 1) * PIXELS; x++) {
                pixels[y][x] = black;
            }
        }
    }
}
