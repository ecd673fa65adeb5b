package dev.registry.cli;

import dev.registry.EnvironmentConfig;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration option ({@code --timeout}, {@code --wait}) as the {@code REGISTRY_*} variables write
 * durations, Go's way ({@code 500ms}, {@code 1.5s}, {@code 1m30s}) or ISO-8601's ({@code PT2S}), so that one
 * syntax serves both; picocli's own {@link Duration} converter reads ISO-8601 only. Stateless.
 */
final class PositiveDuration implements ITypeConverter<Duration> {

    /**
     * @throws TypeConversionException saying why the text is not a duration above zero; {@link UsageErrors}
     *         puts the option and the text in front
     */
    @Override
    public Duration convert(String text) {
        Duration duration;
        try {
            duration = EnvironmentConfig.parseDuration(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new TypeConversionException("must be more than 0");
        }
        return duration;
    }
}
