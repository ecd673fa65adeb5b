package dev.registry.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a TCP port to listen on: 0 (any free port) to 65535, with a message that says so rather than
 * picocli's {@code 'x' is not an int}. Stateless.
 */
final class PortNumber implements ITypeConverter<Integer> {

    /**
     * @throws TypeConversionException giving the accepted range; {@link UsageErrors} puts the option and the
     *         text in front
     */
    @Override
    public Integer convert(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the accepted range
        }
        throw new TypeConversionException("a port number from 0 (any free port) to 65535");
    }
}
