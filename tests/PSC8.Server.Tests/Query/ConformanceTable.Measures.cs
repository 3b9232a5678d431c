namespace PSC8.Server.Tests.Query;

public static partial class ConformanceTable
{
    private const string NumericPage = "aql/functions/numeric.md";
    private const string MiscPage = "aql/functions/miscellaneous.md";

    /// <summary>Similarity, distance, decay and MinHash functions added for 3.11.</summary>
    private static IEnumerable<ConformanceCase> MeasureFunctions() =>
    [
        Q("measure.jaccard", "RETURN [JACCARD( [1,2,3,4], [3,4,5,6] ), JACCARD( [1,1,2,2,2,3], [2,2,3,4] ), JACCARD( [1,2,3], [] ), JACCARD( [], [] )]",
            "[[0.3333333333333333,0.5,0,1]]").Cites("aql/functions/array.md#jaccard (aqlArrayJaccard_1-4)"),
        Q("measure.jaccard-non-array", "RETURN JACCARD(1, [])", "[null]").Warns(1542).Cites("aql/functions/array.md#jaccard"),
        Q("measure.cosine-similarity", "RETURN [COSINE_SIMILARITY([0,1], [1,0]), COSINE_SIMILARITY([-1,0], [1,0])]", "[[0,-1]]")
            .Cites(NumericPage + "#cosine_similarity"),
        // The manual rounds these to 0.707, 0.707, 0.866 and 0.5.
        Q("measure.cosine-similarity-matrix", "RETURN COSINE_SIMILARITY([[0,1,0,1],[1,0,0,1],[1,1,1,0],[0,0,0,1]], [1,1,1,1])",
            "[[0.7071067811865475,0.7071067811865475,0.8660254037844387,0.5]]").Cites(NumericPage + "#cosine_similarity"),
        Q("measure.cosine-similarity-zero-vector", "RETURN COSINE_SIMILARITY([0,0], [1,1])", "[null]").Warns(1561).Cites(NumericPage + "#cosine_similarity"),
        Q("measure.l1-distance", "RETURN [L1_DISTANCE([-1,-1], [2,2]), L1_DISTANCE([[1,2,3],[-1,-2,-3],[3,4,5],[-5,2,1]], [1,1,1]), L1_DISTANCE([1.5], [3])]",
            "[[6,[3,9,9,7],1.5]]").Cites(NumericPage + "#l1_distance"),
        Q("measure.l2-distance", "RETURN [L2_DISTANCE([1,1], [5,2]), L2_DISTANCE([[1,2,3], [4,5,6], [7,8,9]], [3,2,1]), L2_DISTANCE([0,1], [1,0])]",
            "[[4.123105625617661,[2.8284271247461903,5.916079783099616,10.770329614269007],1.4142135623730951]]").Cites(NumericPage + "#l2_distance"),
        Q("measure.distance-invalid", "RETURN [L1_DISTANCE([1], [1, 2]), L2_DISTANCE([], []), L2_DISTANCE(['a'], [1])]", "[[null,null,null]]")
            .Warns(1542).Cites(NumericPage + "#l1_distance"),
        Q("measure.decay-gauss", "RETURN [DECAY_GAUSS(41, 40, 5, 5, 0.5), DECAY_GAUSS([20, 41], 40, 5, 5, 0.5), DECAY_GAUSS(49.9889, 49.987, 0.001, 0.001, 0.2)]",
            "[[1,[0.0019531250000000017,1],0.2715403018822964]]").Cites(NumericPage + "#decay_gauss"),
        Q("measure.decay-exp", "RETURN [DECAY_EXP(41, 40, 5, 5, 0.7), DECAY_EXP(2, 0, 10, 0, 0.2), DECAY_EXP(49.9889, 50, 0.001, 0.001, 0.2)]",
            "[[1,0.7247796636776955,8.717720806626885e-08]]").Cites(NumericPage + "#decay_exp"),
        Q("measure.decay-linear", "RETURN [DECAY_LINEAR(41, 40, 5, 5, 0.5), DECAY_LINEAR(9.8, 0, 10, 0, 0.2), DECAY_LINEAR(5..7, 0, 10, 0, 0.2)]",
            "[[1,0.21599999999999994,[0.6,0.52,0.44]]]").Cites(NumericPage + "#decay_linear"),
        Q("measure.decay-invalid", "RETURN [DECAY_EXP(1, 0, 0, 0, 0.5), DECAY_LINEAR(1, 0, 1, 0, 1), DECAY_GAUSS('a', 0, 1, 0, 0.5)]", "[[null,null,null]]")
            .Warns(1542).Cites(NumericPage + "#decay_gauss"),
        Q("measure.decay-arguments", "RETURN DECAY_EXP(1, 0, 1, 0)", "!1541").Cites(NumericPage + "#decay_exp"),
        Q("measure.minhash-count", "RETURN MINHASH_COUNT(0.05)", "[400]").Cites(MiscPage + "#minhash_count (aqlMinHashCount)"),
        Q("measure.minhash-error", "RETURN MINHASH_ERROR(400)", "[0.05]").Cites(MiscPage + "#minhash_error (aqlMinHashError)"),
        Q("measure.minhash-invalid", "RETURN [MINHASH_COUNT(1), MINHASH_ERROR(0), MINHASH('x', 5)]", "[[null,null,null]]").Warns(1542).Cites(MiscPage + "#minhash"),
        // C8 Local's hash function is its own, so only the shape and the Jaccard estimate are pinned. The manual's
        // recorded answer for MINHASH(["foo", "bar", "baz"], 5) holds three values: a bottom-k signature of the distinct values.
        Q("measure.minhash-shape",
            "LET s = MINHASH(['foo', 'bar', 'baz', 'foo'], 5) RETURN [LENGTH(s), LENGTH(s[* FILTER CURRENT =~ '^[A-Za-z0-9+/]{11}$']) == 3, SORTED(s) == SORTED(MINHASH(['baz', 'foo', 'bar'], 5))]",
            "[[3,true,true]]").Cites(MiscPage + "#minhash (aqlMinHash)"),
        Q("measure.minhash-keeps-the-smallest", "LET s = MINHASH(1..1000, 64) RETURN [LENGTH(s), LENGTH(UNIQUE(s)), LENGTH(INTERSECTION(s, MINHASH(1..1000, 128))) == 64]",
            "[[64,64,true]]").Cites(MiscPage + "#minhash (numHashes: the size of the signature)"),
        Q("measure.minhash-estimates-jaccard",
            "LET a = MINHASH(1..100, 400) LET b = MINHASH(51..150, 400) RETURN LENGTH(INTERSECTION(a, b)) / LENGTH(UNION_DISTINCT(a, b))",
            "[0.3333333333333333]").Cites(MiscPage + "#minhash"),
    ];
}
