package org.glassbox.watermark;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into words (letters with inner apostrophes, as in {@code LORD's}), numbers and single
 * punctuation marks, keeping each token's place in the text so that a detector can colour the
 * text the person typed, character for character. Case is kept: the language model learns that a
 * sentence starts with a capital.
 */
public final class WordTokenizer {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z]+(?:'[A-Za-z]+)*'?|[0-9]+|[^\\sA-Za-z0-9]");
    private static final String NO_SPACE_BEFORE = ",.;:?!)'";
    private static final String NO_SPACE_AFTER = "(";

    private WordTokenizer() {
    }

    /** A token and where it sits in the text: {@code text.substring(start, end)}. */
    public record Token(String text, int start, int end) {
    }

    public static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(new Token(m.group(), m.start(), m.end()));
        }
        return out;
    }

    public static List<String> words(String text) {
        return tokens(text).stream().map(Token::text).toList();
    }

    /** Joins tokens with spaces, except before closing punctuation and after an opening bracket. */
    public static String join(List<String> tokens) {
        StringBuilder sb = new StringBuilder();
        for (String t : tokens) {
            appendTo(sb, t);
        }
        return sb.toString();
    }

    /** Appends one token as {@link #join} would: the piece of text a stream shows next. */
    public static String separatorBefore(CharSequence textSoFar, String token) {
        if (textSoFar.isEmpty()) {
            return "";
        }
        char last = textSoFar.charAt(textSoFar.length() - 1);
        boolean glued = token.length() == 1 && NO_SPACE_BEFORE.indexOf(token.charAt(0)) >= 0;
        return glued || NO_SPACE_AFTER.indexOf(last) >= 0 || Character.isWhitespace(last) ? "" : " ";
    }

    private static void appendTo(StringBuilder sb, String token) {
        sb.append(separatorBefore(sb, token)).append(token);
    }
}
