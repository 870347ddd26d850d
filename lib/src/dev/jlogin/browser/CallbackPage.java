package dev.jlogin.browser;

import java.nio.charset.StandardCharsets;

/**
 * The page the browser shows at the end of a browser login: self-contained (no script, style
 * sheet, image or link to load, so nothing learns the callback's address through a referrer) and
 * holding no code or token, only whether the login worked and, if not, why.
 */
final class CallbackPage {
    private CallbackPage() {
    }

    static byte[] render(String title, String message) {
        String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head>\n<body><h1>" + escape(title) + "</h1>\n<p>" + escape(message) + "</p></body></html>\n";
        return html.getBytes(StandardCharsets.UTF_8);
    }

    /** Server text may be in the message: it is shown as text, never as markup. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isISOControl(c) && c != '\n') {
                        out.append(' ');
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
