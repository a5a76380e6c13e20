package org.glassbox.membership;

import java.util.List;

/**
 * The audit after a step: the target's accuracy on its members and on the non-members (the gap is
 * what the attacks exploit), how many shadow models are done, and every attack's result so far, all
 * on the same candidates ({@code poolIndex[i]}: the training image, {@code member[i]}: in the target's half).
 */
public record MembershipSnapshot(String stage, int shadowsDone, int shadowsTotal, double memberAccuracy,
                                 double nonMemberAccuracy, double testAccuracy, int[] poolIndex, boolean[] member,
                                 List<AttackResult> attacks) {

    public AttackResult attack(String name) {
        return attacks.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    }
}
