package dev.jlogin.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.cli.CliHarness;
import dev.jlogin.cli.InProcessCommands;
import dev.jlogin.testing.FakeAuthorizationServer;
import dev.jlogin.testing.QrReader.Screen;
import dev.jlogin.testing.QrReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The QR code login draws of the pre-filled link (RFC 8628 §3.3.1 suggests one for devices where
 * typing is hard): what is on the screen, read back by an independent decoder (zbarimg), is the link.
 */
class QrCodeTest extends InProcessCommands {
    private static final Pattern DRAWING = Pattern.compile("[ \u2580\u2584\u2588]{20,}");
    private static final Pattern SGR = Pattern.compile("\u001b\\[[0-9;]*m");

    @TempDir
    Path images;

    private String prefilled() {
        return cli.server.base() + "/activate?user_code=" + FakeAuthorizationServer.USER_CODE;
    }

    /** The lines of stderr that are part of a drawing (escape sequences kept). */
    private static List<String> drawing(String err) {
        return err.lines().filter(l -> DRAWING.matcher(SGR.matcher(l).replaceAll("")).matches()).toList();
    }

    @Test
    void overSshOnATerminalTheDrawnCodeReadsAsThePrefilledLinkOnDarkAndLightScreens() throws Exception {
        cli.env.put("SSH_CONNECTION", "10.0.0.2 50000 10.0.0.1 22");
        cli.stderrTerminal = true;

        CliHarness.Result result = cli.login();

        assertThat(result.exit()).as(result.err()).isZero();
        List<String> qr = drawing(result.err());
        assertThat(qr).isNotEmpty().allSatisfy(l -> assertThat(SGR.matcher(l).replaceAll("").length()).isLessThanOrEqualTo(80));
        // explicit black on white: the same on either screen
        assertThat(QrReader.read(qr, Screen.DARK, images)).contains(prefilled());
        assertThat(QrReader.read(qr, Screen.LIGHT, images)).contains(prefilled());
    }

    @Test
    void withoutColoursTheBlocksDrawWhatIsLightOnADarkScreenAndWhatIsDarkOnALightOne() throws Exception {
        cli.env.put("NO_COLOR", "1");

        List<String> onDark = drawing(cli.login("--qr").err());
        cli.env.put("COLORFGBG", "0;15");
        List<String> onLight = drawing(cli.login("--qr", "--force").err());

        assertThat(String.join("", onDark) + String.join("", onLight)).doesNotContain("\u001b");
        assertThat(QrReader.read(onDark, Screen.DARK, images)).contains(prefilled());
        assertThat(QrReader.read(onLight, Screen.LIGHT, images)).contains(prefilled());
        // the two are negatives of each other: the wrong one on a screen is no code at all
        assertThat(QrReader.read(onDark, Screen.LIGHT, images)).isEmpty();
        assertThat(QrReader.read(onLight, Screen.DARK, images)).isEmpty();
    }

    @Test
    void aDrawingWithAModuleWrongIsNotReadAsTheLink() throws Exception {
        QrCodeText.Drawing drawing = QrCodeText.draw(prefilled(), 80, QrCodeText.Palette.DARK_TEXT);
        List<String> broken = drawing.lines().stream()
                // a finder pattern's top row wiped out: the decoder can no longer find the code
                .map(l -> l == drawing.lines().get(1) ? l.replace('\u2588', ' ').replace('\u2580', ' ') : l).toList();

        assertThat(QrReader.read(drawing.lines(), Screen.LIGHT, images)).contains(prefilled());
        assertThat(QrReader.read(broken, Screen.LIGHT, images)).isNotEqualTo(Optional.of(prefilled()));
    }

    @Test
    void theCodeIsOnlyDrawnWhenAskedForOrOverSshOnATerminal() {
        assertThat(drawing(cli.login().err())).as("no SSH, no --qr").isEmpty();

        cli.env.put("SSH_TTY", "/dev/pts/3");
        assertThat(drawing(cli.login("--force").err())).as("SSH, but stderr is not a terminal").isEmpty();

        cli.stderrTerminal = true;
        assertThat(drawing(cli.login("--force", "--no-qr").err())).as("--no-qr").isEmpty();
        assertThat(drawing(cli.login("--force").err())).as("SSH on a terminal").isNotEmpty();
    }

    @Test
    void aLinkTooLongToFitIn80ColumnsIsSaidInOneLineAndNotDrawn() {
        cli.server.deviceResponse("verification_uri_complete", prefilled() + "&state=" + "x".repeat(600));

        CliHarness.Result result = cli.login("--qr");

        assertThat(result.exit()).isZero();
        assertThat(drawing(result.err())).isEmpty();
        assertThat(result.err()).contains("(No QR code: a QR code of the link needs ").contains(" columns, more than 80.)\n");
    }

    @Test
    void aLinkTooLongForAnyQrCodeIsSaidInOneLine() {
        QrCodeText.Drawing drawing = QrCodeText.draw("https://example.com/?" + "x".repeat(3000), 80, QrCodeText.Palette.LIGHT_TEXT);

        assertThat(drawing.lines()).isEmpty();
        assertThat(drawing.whyNot()).isEqualTo("the link is too long for a QR code");
    }
}
