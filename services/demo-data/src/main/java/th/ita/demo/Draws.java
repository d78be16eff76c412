package th.ita.demo;

import java.util.SplittableRandom;

/**
 * The random draws of one organization. Each organization gets its own stream, seeded from the
 * dataset seed and its code, so its scores do not depend on which other organizations exist or in
 * what order they are generated. Normals come from Box–Muller with {@link StrictMath}, not from
 * {@code nextGaussian()} or {@link Math}, whose results may differ between JDKs and CPUs: the
 * dataset must be the same bytes everywhere.
 */
final class Draws {
    private final SplittableRandom random;

    Draws(long datasetSeed, String organizationCode) {
        this.random = new SplittableRandom(mix(datasetSeed ^ mix(organizationCode.hashCode() * 0x9E3779B97F4A7C15L)));
    }

    /** Uniform on [0, 1). */
    double uniform() {
        return random.nextDouble();
    }

    /** Standard normal. */
    double normal() {
        double u = 1.0 - random.nextDouble(); // (0, 1], so the logarithm is finite
        double v = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
    }

    /**
     * A 64-bit finalizer (Stafford's variant 13, as in SplitMix64). Seeding SplittableRandom with
     * codes directly would give neighbouring codes overlapping streams; mixing first separates them.
     */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
