package netarena.cli;

import java.util.Locale;
import netarena.results.stats.ComparisonConfig;
import netarena.results.stats.Correction;
import netarena.results.stats.RatioEstimator;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The statistics options of {@code compare} and {@code ab}: they produce one {@link ComparisonConfig}. */
final class ComparisonOptions {

    /** The names people type for the corrections. */
    enum CorrectionName {
        holm(Correction.HOLM), bh(Correction.BENJAMINI_HOCHBERG), none(Correction.NONE);

        final Correction correction;

        CorrectionName(Correction correction) {
            this.correction = correction;
        }
    }

    @Option(names = "--threshold", defaultValue = "5%", converter = FractionConverter.class,
            description = "Changes within plus or minus this are noise: 5%% or 0.05. Default: ${DEFAULT-VALUE}.")
    double threshold;

    @Option(names = "--correction", defaultValue = "holm",
            description = "Multiple-comparison correction over every metric: holm (family-wise error), bh "
                    + "(Benjamini-Hochberg, false discovery rate) or none. Default: ${DEFAULT-VALUE}.")
    CorrectionName correction;

    @Option(names = "--estimator", defaultValue = "median",
            description = "Which centre of each side's repetitions the ratio compares: median or mean. Default: ${DEFAULT-VALUE}.")
    String estimator;

    /** The config the options say; a bad --estimator is a usage error of {@code command}. */
    ComparisonConfig config(CommandLine.Model.CommandSpec command) {
        RatioEstimator e = switch (estimator.toLowerCase(Locale.ROOT)) {
            case "median" -> RatioEstimator.MEDIAN;
            case "mean" -> RatioEstimator.MEAN;
            default -> throw new CommandLine.ParameterException(command.commandLine(),
                    "--estimator must be median or mean, got " + estimator);
        };
        return ComparisonConfig.defaults().withNoiseThreshold(threshold).withCorrection(correction.correction)
                .withEstimator(e);
    }

    /** {@code 5%} or {@code 0.05} as 0.05; a bare number of 1 or more is refused (5 would read as 500%). */
    static final class FractionConverter implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            String v = value.strip();
            try {
                double f = v.endsWith("%") ? Double.parseDouble(v.substring(0, v.length() - 1).strip()) / 100
                        : Double.parseDouble(v);
                if (!(f >= 0 && f < 1)) {
                    throw new NumberFormatException();
                }
                return f;
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a fraction in [0, 1): write e.g. 5% or 0.05");
            }
        }
    }
}
