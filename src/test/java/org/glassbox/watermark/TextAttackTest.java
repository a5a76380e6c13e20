package org.glassbox.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextAttackTest {

    private static final Vocabulary WORDS = new Vocabulary(List.of(Vocabulary.UNKNOWN, "a", "b", "c", "d", "e"));
    private static final List<String> TEXT = java.util.Collections.nCopies(400, "x");

    @Test
    void deletionRemovesAboutTheAskedShareAndNoneAtZero() {
        TextAttack attack = new TextAttack(WORDS, null);
        assertEquals(TEXT, attack.apply(TEXT, TextAttack.Strengths.NONE, 1));
        int left = attack.apply(TEXT, new TextAttack.Strengths(0.25, 0, TextAttack.Source.RANDOM_WORDS, 0), 1).size();
        assertTrue(Math.abs(left - 300) < 40, left + " of 400 left after deleting a quarter");
    }

    @Test
    void strongerSubstitutionKeepsTheWeakerOnesEdits() {
        TextAttack attack = new TextAttack(WORDS, null);
        List<String> weak = attack.apply(TEXT, new TextAttack.Strengths(0, 0.1, TextAttack.Source.RANDOM_WORDS, 0), 5);
        List<String> strong = attack.apply(TEXT, new TextAttack.Strengths(0, 0.3, TextAttack.Source.RANDOM_WORDS, 0), 5);
        for (int i = 0; i < TEXT.size(); i++) {
            if (!weak.get(i).equals("x")) {
                assertEquals(weak.get(i), strong.get(i), "edit at " + i + " is kept");
            }
        }
        assertTrue(strong.stream().filter(w -> !w.equals("x")).count() > weak.stream().filter(w -> !w.equals("x")).count());
    }

    @Test
    void insertionAddsWordsAfterTheAskedShare() {
        List<String> out = new TextAttack(WORDS, null).apply(TEXT, new TextAttack.Strengths(0, 0, TextAttack.Source.RANDOM_WORDS, 0.5), 2);
        assertTrue(Math.abs(out.size() - 600) < 50, out.size() + " tokens after inserting after half of 400");
    }

    @Test
    void copyPasteKeepsTheHumanLengthAndPastesTheAskedShareInSpans() {
        List<String> marked = new ArrayList<>(java.util.Collections.nCopies(200, "w"));
        List<String> human = java.util.Collections.nCopies(200, "h");
        List<String> mixed = TextAttack.copyPaste(marked, human, 0.25, 3, 9);
        assertEquals(200, mixed.size());
        assertEquals(48, mixed.stream().filter("w"::equals).count(), "3 spans of 16 (25 % of 200, rounded down per span)");
        int runs = 0;
        for (int i = 0; i < mixed.size(); i++) {
            if (mixed.get(i).equals("w") && (i == 0 || !mixed.get(i - 1).equals("w"))) {
                runs++;
            }
        }
        assertTrue(runs <= 3, runs + " runs of pasted text");
        assertThrows(IllegalArgumentException.class, () -> new TextAttack.Strengths(1.5, 0, TextAttack.Source.RANDOM_WORDS, 0));
    }

    @Test
    void joiningAndSplittingHeldOutTextGivesBackTheSameTokens() throws Exception {
        KjvCorpus corpus = KjvCorpus.load(org.glassbox.data.Assets.locate()).truncated(2000);
        List<String> tokens = corpus.heldOutTokens();
        assertEquals(tokens, WordTokenizer.words(WordTokenizer.join(tokens)));
        assertEquals(List.of("And", "the", "LORD's", "house", ",", "(", "selah", ")", "."),
                WordTokenizer.words("And the LORD's house, (selah)."));
    }
}
