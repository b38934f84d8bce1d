package io.onramp.gateway.docs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The request bodies of DESIGN §6 as examples on their operations: the shapes are part of the contract. */
@Component
public class RequestExamples implements OpenApiCustomizer {

    private static final Map<String, String> EXAMPLES = Map.ofEntries(
            Map.entry("POST /api/v1/schedules", """
                    {"interview_type":"technical","title":"Technical interview",
                     "scheduled_start":"2026-12-01T15:00:00Z","scheduled_end":"2026-12-01T16:00:00Z",
                     "timezone":"America/Toronto","meeting_provider":"zoom","meeting_url":"https://zoom.us/j/1",
                     "location":"Virtual","notes":"Bring a laptop",
                     "candidate":{"id":"c-1","name":"Casey","email":"casey@example.com","timezone":"Asia/Tokyo"},
                     "interviewer_ids":["u-7","u-9"],"allow_overlap":false}"""),
            Map.entry("POST /api/v1/schedules/{scheduleId}/reschedule", """
                    {"scheduled_start":"2026-12-02T15:00:00Z","scheduled_end":"2026-12-02T16:00:00Z"}"""),
            Map.entry("POST /api/v1/schedules/{scheduleId}/cancel", """
                    {"reason":"candidate withdrew"}"""),
            Map.entry("POST /api/v1/schedules/{scheduleId}/feedback", """
                    {"overall_rating":4,"technical_skills":5,"recommendation":"yes","strengths":"Clear SQL",
                     "weaknesses":"Testing","notes":"Good fit","private_notes":"Ask about notice period",
                     "custom_ratings":{"sql":4}}"""),
            Map.entry("PUT /api/v1/workflow-definitions/{definitionId}", """
                    {"groups":[{"key":"application_and_onboarding","title":"Application & Onboarding",
                     "tasks":[{"key":"application","title":"Application","description":"Start your application",
                     "link_text":"Start application","link_url_path":"/guest-application"}]}]}"""),
            Map.entry("POST /api/v1/guests/{guestId}/workflow", """
                    {"definition_id":"guest-onboarding"}"""),
            Map.entry("POST /api/v1/guests/{guestId}/tasks/{taskId}/status", """
                    {"status":"more_information_needed","note":"Please add your income"}"""),
            Map.entry("PUT /api/v1/guests/{guestId}/tasks/{taskId}/data", """
                    {"responses":{"income":"1200"}}"""),
            Map.entry("POST /api/v1/interviews", """
                    {"title":"Backend screen","description":"SQL and APIs","duration_seconds":1800,
                     "config":{"is_default_access_allowed":false,"should_end_interview_after_duration":true}}"""),
            Map.entry("PUT /api/v1/interviews/{interviewId}", """
                    {"title":"Backend screen","description":"SQL and APIs","duration_seconds":1800,
                     "config":{"is_default_access_allowed":false,"should_end_interview_after_duration":true}}"""),
            Map.entry("POST /api/v1/access", """
                    {"user_id":"u-1","interview_ids":["89d96f4b-2ac4-4d4f-9a4a-6b1f0c2e7a11"]}"""),
            Map.entry("DELETE /api/v1/access", """
                    {"user_id":"u-1","interview_ids":["89d96f4b-2ac4-4d4f-9a4a-6b1f0c2e7a11"]}"""),
            Map.entry("PATCH /api/v1/attempts/{attemptId}", """
                    {"status":"archived"}"""),
            Map.entry("POST /api/v1/attempts/export", """
                    {"format":"csv","interview_id":"89d96f4b-2ac4-4d4f-9a4a-6b1f0c2e7a11"}"""),
            Map.entry("PUT /api/v1/people/{userId}", """
                    {"email":"casey@example.com","name":"Casey","timezone":"Asia/Tokyo","locale":"ja-JP"}"""),
            Map.entry("POST /api/v1/ops/dead-letters/{topic}/replay", """
                    {"records":[{"partition":3,"offset":17}],"dry_run":true}"""));

    private final JsonMapper json = JsonMapper.builder().build();

    /** The example body of each operation that has one, keyed {@code "POST /api/v1/access"}. */
    public static Map<String, String> bodies() {
        return EXAMPLES;
    }

    @Override
    public void customise(OpenAPI openApi) {
        EXAMPLES.forEach((operation, body) -> {
            String[] parts = operation.split(" ", 2);
            PathItem path = openApi.getPaths().get(parts[1]);
            var method = path == null ? null : path.readOperationsMap().get(PathItem.HttpMethod.valueOf(parts[0]));
            if (method == null || method.getRequestBody() == null) {
                throw new IllegalStateException("No operation " + operation + " with a body to give an example to");
            }
            // Parsed, so that a broken example fails at start rather than in a client's hands.
            Object value = json.readValue(body, Object.class);
            method.getRequestBody()
                    .getContent()
                    .values()
                    .forEach(media -> media.addExamples("example", new Example().value(value)));
        });
    }
}
