package io.onramp.gateway;

import static io.onramp.gateway.Http.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.devstack.Infrastructure;
import io.onramp.devstack.junit.KafkaProbe;
import io.onramp.schemas.Topics;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * An upstream producer that is not Java and has only the published .avsc: it registers the schema through the
 * registry's Confluent-compatible API, writes {@code 0x00 + 4-byte id + Avro binary} with a plain byte producer, and
 * the grant appears. An unreadable event before it is dead-lettered and blocks nothing.
 */
class EnrollmentInteropTest extends GatewayTestSupport {

    private static final Path CONTRACT = Path.of("../schemas/src/main/avro/EnrollmentEvent.avsc");

    @Test
    void shouldGrantFromAnEventWrittenInTheConfluentWireFormat(Infrastructure infrastructure) throws Exception {
        String tenant = "interop-" + UUID.randomUUID();
        String admin = token("u-admin", tenant, "interviews:manage", "access:read");
        String interviewId = json(http.post("/api/v1/interviews", admin, """
                                {"title":"Upstream","duration_seconds":600}""").body())
                .get("id")
                .asString();
        Schema schema = new Schema.Parser().parse(Files.readString(CONTRACT));
        int schemaId = registerThroughConfluentApi(infrastructure, schema);
        var probe = new KafkaProbe(infrastructure.kafkaBootstrapServers());
        byte[] key = (tenant + "/u-upstream").getBytes(StandardCharsets.UTF_8);
        byte[] garbage = "not an event".getBytes(StandardCharsets.UTF_8);

        GenericRecord event = event(schema, tenant, interviewId);
        probe.send(Topics.ENROLLMENTS, key, garbage);
        probe.send(Topics.ENROLLMENTS, key, confluentWireFormat(schemaId, event));

        awaitAccess(admin, "u-upstream", interviewId);
        var outcome = json(http.get("/api/v1/requests/enrollment:" + event.get("event_id"), admin)
                .body());
        assertThat(outcome.get("status").asString()).isEqualTo("completed");
        assertThat(outcome.get("outcome").asString()).isEqualTo("ACCEPTED");
        probe.awaitRecord(Topics.ENROLLMENTS + ".DLT", r -> Arrays.equals(r.value(), garbage), Duration.ofSeconds(30));
    }

    private static int registerThroughConfluentApi(Infrastructure infrastructure, Schema schema) throws Exception {
        var json = JsonMapper.builder().build();
        String body = json.writeValueAsString(java.util.Map.of("schema", schema.toString()));
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        infrastructure.registryConfluentUrl() + "/subjects/enrollments-value/versions"))
                                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("id").asInt();
    }

    private static GenericRecord event(Schema schema, String tenant, String interviewId) {
        var event = new GenericData.Record(schema);
        event.put("event_id", UUID.randomUUID().toString());
        event.put("tenant_id", tenant);
        event.put("user_id", "u-upstream");
        event.put("interview_ids", List.of(interviewId));
        event.put("workflow_definition_id", null);
        event.put("occurred_at", Instant.now().toEpochMilli());
        return event;
    }

    private static byte[] confluentWireFormat(int schemaId, GenericRecord record) throws Exception {
        var out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(schemaId).array());
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private void awaitAccess(String token, String user, String interviewId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            var body = http.get("/api/v1/access/" + user, token).body();
            if (body.contains(interviewId)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(user + " was not granted " + interviewId + " within 30 s");
    }
}
