package org.glassbox.watermark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatermarkDetectorTest {

    private static final WatermarkKey HALF = new WatermarkKey(42, 0.5, SeedingScheme.LEFT_HASH, 1000);

    /** Builds a sequence whose scored tokens are green or red as asked, by searching the vocabulary. */
    private static int[] sequence(WatermarkKey key, int first, boolean... greens) {
        List<Integer> ids = new ArrayList<>(List.of(first));
        int next = 1;
        for (boolean wantGreen : greens) {
            int[] sofar = ids.stream().mapToInt(Integer::intValue).toArray();
            int[] extended = java.util.Arrays.copyOf(sofar, sofar.length + 1);
            while (true) {
                extended[sofar.length] = next;
                if (key.isGreen(extended, sofar.length, next) == wantGreen) {
                    break;
                }
                next = (next + 1) % key.vocabularySize();
            }
            ids.add(next);
            next = (next + 7) % key.vocabularySize();
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void threeGreenOfFourAtGammaHalfGiveHandComputedZAndPValues() {
        Detection d = new WatermarkDetector(HALF, true).detect(sequence(HALF, 5, true, false, true, true));
        assertEquals(4, d.scored());
        assertEquals(3, d.green());
        assertEquals(1.0, d.z(), 1e-12, "z = (3 − 2) / √(4 · ¼)");
        assertEquals(0.158655253931457, d.pValue(), 1e-12, "1 − Φ(1)");
        assertEquals(5.0 / 16, d.binomialPValue(), 1e-12, "P(X ≥ 3), X ~ Bin(4, ½) = (4 + 1) / 16");
        assertArrayEquals(new TokenMark[] {TokenMark.UNSCORED, TokenMark.GREEN, TokenMark.RED, TokenMark.GREEN, TokenMark.GREEN},
                d.marks());
        assertArrayEquals(new double[] {1, 0, 0.5 / Math.sqrt(0.75), 1}, d.zByCount(), 1e-12, "z after 1, 2, 3, 4 tokens");
    }

    @Test
    void theThresholdCaseOfThePaperMatchesItsReferenceNumbers() {
        assertEquals(25 / Math.sqrt(37.5), WatermarkDetector.zScore(75, 200, 0.25), 1e-12, "75 green of 200 at γ = ¼");
        assertEquals(3.167124183311998e-5, WatermarkDetector.normalTail(4), 1e-15);
        double exact = WatermarkDetector.binomialTail(75, 200, 0.25);
        assertEquals(6.2e-5, exact, 0.1e-5, "the exact tail is about twice the normal one at T = 200");
        assertEquals(1.0, WatermarkDetector.binomialTail(0, 10, 0.25));
    }

    @Test
    void aRepeatedContextAndTokenPairIsCountedOnceWhenRepeatsAreIgnored() {
        int[] tokens = {3, 9, 3, 9, 3, 9};
        Detection ignoring = new WatermarkDetector(HALF, true).detect(tokens);
        Detection counting = new WatermarkDetector(HALF, false).detect(tokens);
        assertEquals(2, ignoring.scored(), "only the pairs (3, 9) and (9, 3) are new");
        assertEquals(TokenMark.REPEATED, ignoring.marks()[3]);
        assertEquals(5, counting.scored());
    }

    @Test
    void winMaxFindsTheGreenestRunOfScoredTokens() {
        Detection d = new WatermarkDetector(HALF, true).detect(sequence(HALF, 5, false, false, true, true, true, false));
        assertEquals(Math.sqrt(3), d.winMax().z(), 1e-12, "three greens in a row: (3 − 1.5) / √(3 · ¼)");
        assertEquals(3, d.winMax().length());
        assertEquals(3, d.winMax().fromToken(), "the window starts at the third scored token, token 3");
        assertEquals(6, d.winMax().toToken());
    }

    @Test
    void everyGreenListHoldsExactlyGammaTimesTheVocabulary() {
        WatermarkKey key = new WatermarkKey(7, 0.25, SeedingScheme.LEFT_HASH, 4000);
        for (int previous = 0; previous < 20; previous++) {
            boolean[] green = key.greenList(new int[] {previous, 0}, 1);
            int count = 0;
            for (boolean g : green) {
                count += g ? 1 : 0;
            }
            assertEquals(1000, count);
        }
    }

    @Test
    void theKeyedPermutationIsABijectionForAnyDomainSize() {
        for (int n : new int[] {1, 2, 3, 17, 1000, 4097}) {
            KeyedPermutation p = new KeyedPermutation(n * 31L, n);
            boolean[] hit = new boolean[n];
            for (int x = 0; x < n; x++) {
                int y = p.apply(x);
                assertTrue(!hit[y], "two tokens map to " + y + " for n = " + n);
                hit[y] = true;
            }
        }
    }

    @Test
    void selfHashIgnoresEditsToAContextTokenWhoseHashIsNotTheSmallest() {
        WatermarkKey key = new WatermarkKey(11, 0.25, SeedingScheme.SELF_HASH, 4000);
        int[] tokens = {10, 20, 30, 40};
        long seed = SeedingScheme.SELF_HASH.seed(11, tokens, 3, 40);
        int changedSeeds = 0;
        for (int position = 0; position < 3; position++) {
            for (int replacement = 100; replacement < 140; replacement++) {
                int[] edited = tokens.clone();
                edited[position] = replacement;
                changedSeeds += SeedingScheme.SELF_HASH.seed(11, edited, 3, 40) != seed ? 1 : 0;
            }
        }
        assertTrue(changedSeeds < 120, "some edits keep the min-hash and so the list (" + changedSeeds + " of 120 changed)");
        assertTrue(key.greenCount() == 1000);
    }
}
