package dev.starling.assign;

/**
 * An optimal assignment of start points to goal points with its proof.
 *
 * <p>Arrays are owned by this record; callers must not modify them.
 *
 * @param target      target[i] = index of the goal point start point i goes to (a permutation)
 * @param cost        Σ |a_i − b_target[i]|² in m², from the given (unquantised) coordinates,
 *                    summed in index order
 * @param certificate dual prices proving optimality, already verified over all n² pairs
 */
public record Assignment(int[] target, double cost, Certificate certificate) {
    public Assignment {
        if (target == null || certificate == null) {
            throw new IllegalArgumentException("target and certificate are required");
        }
        if (target.length != certificate.rowDuals().length) {
            throw new IllegalArgumentException("target has " + target.length + " entries but the certificate "
                    + certificate.rowDuals().length);
        }
    }

    /** Number of drones. */
    public int size() {
        return target.length;
    }
}
