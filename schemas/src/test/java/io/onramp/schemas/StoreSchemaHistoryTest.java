package io.onramp.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each store type's current schema is the last of its history, so that changing a store type's schema without
 * recording the new one (and keeping the old) fails here rather than leaving a worker unable to read its own state.
 */
class StoreSchemaHistoryTest {

    private static final Path HISTORY = Path.of("src/main/resources/io/onramp/schemas/" + StoreSerde.HISTORY);

    @TestFactory
    Stream<DynamicTest> everyStoreTypesCurrentSchemaIsTheLastOfItsHistory() throws IOException {
        List<String> types;
        try (Stream<Path> files = Files.list(HISTORY)) {
            types = files.map(file -> file.getFileName().toString().replaceFirst("\\.\\d+\\.avsc$", ""))
                    .distinct()
                    .sorted()
                    .toList();
        }
        assertThat(types).as("store types with a history").isNotEmpty();
        return types.stream()
                .map(type -> DynamicTest.dynamicTest(type, () -> {
                    // The source folder, not the classpath: a file removed from it may linger in an earlier build's
                    // output.
                    int versions = 0;
                    while (Files.exists(HISTORY.resolve(type + "." + (versions + 1) + ".avsc"))) {
                        versions++;
                    }
                    assertThat(versions)
                            .as("%s's history starts at 1 and has no gap", type)
                            .isPositive();
                    Schema last = new Schema.Parser()
                            .parse(HISTORY.resolve(type + "." + versions + ".avsc")
                                    .toFile());
                    Schema current = SpecificData.get().getSchema(Class.forName(type));
                    assertThat(SchemaNormalization.parsingFingerprint64(last))
                            .as("%s changed: add its new schema as %s.%d.avsc", type, type, versions + 1)
                            .isEqualTo(SchemaNormalization.parsingFingerprint64(current));
                }));
    }
}
