package netarena.results.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The CSV dialect of a run folder: RFC 4180 quoting (Jackson's CSV codec), a header row, one record per
 * line (line breaks inside values are written as spaces, so a reader can skip one damaged line and
 * keep the rest), numbers in plain decimal notation, and an empty field for an unknown (NaN) figure.
 */
final class Csv {

    // strict checking quotes a field only when it needs it (by default Jackson quotes every long one)
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private static final MathContext DIGITS = new MathContext(12);

    private Csv() {
    }

    /** One CSV line, ending in a newline. */
    static String line(List<String> values) {
        String[] clean = values.stream()
                .map(v -> v == null ? "" : v.replaceAll("[\\r\\n]+", " "))
                .toArray(String[]::new);
        try {
            return MAPPER.writer(CsvSchema.emptySchema()).writeValueAsString(clean);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a CSV line of plain strings", e);
        }
    }

    static String[] parseLine(String line) throws IOException {
        return MAPPER.readerFor(String[].class).readValue(line);
    }

    /**
     * A finite double in plain notation, to 12 significant digits (far past any measurement's, and
     * short of binary noise such as 0.10800000000000001), without trailing zeros; NaN and infinities
     * as an empty field.
     */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        String plain = new BigDecimal(value, DIGITS).stripTrailingZeros().toPlainString();
        return plain.equals("-0") ? "0" : plain;
    }

    static double parseDouble(String field) {
        return field == null || field.isBlank() ? Double.NaN : Double.parseDouble(field.strip());
    }

    /**
     * Reads a headed CSV file, mapping each record by column name; a line that does not parse, or whose
     * mapper throws {@link IllegalArgumentException}, is skipped and named in the problems.
     */
    static <T> Rows<T> read(Path file, Function<Map<String, String>, T> mapper) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            return Rows.none(name + " is missing");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Rows.none(name + " could not be read: " + e.getMessage());
        }
        List<T> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return new Rows<>(rows, List.of(name + " is empty"));
        }
        String[] header;
        try {
            header = parseLine(lines.get(0));
        } catch (IOException e) {
            return Rows.none(name + " has an unreadable header: " + e.getMessage());
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                String[] fields = parseLine(line);
                if (fields.length != header.length) {
                    throw new IllegalArgumentException(fields.length + " of " + header.length + " columns");
                }
                Map<String, String> record = new HashMap<>();
                for (int c = 0; c < header.length; c++) {
                    record.put(header[c], fields[c]);
                }
                rows.add(mapper.apply(record));
            } catch (IOException | IllegalArgumentException e) {
                problems.add(name + " line " + (i + 1) + " skipped: " + e.getMessage());
            }
        }
        return new Rows<>(rows, problems);
    }

    /** The field of a required column; a missing column is an {@link IllegalArgumentException}. */
    static String field(Map<String, String> record, String column) {
        String v = record.get(column);
        if (v == null) {
            throw new IllegalArgumentException("no column " + column);
        }
        return v;
    }
}
