package io.onramp.gateway;

import static io.onramp.gateway.Http.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An XSS corpus in every free-text field the platform stores through the API, read back: plain-text fields hold no
 * markup at all, and notes (which keep a small formatting subset) nothing active.
 */
class StoredMarkupTest extends GatewayTestSupport {

    static final List<String> CORPUS = List.of(
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)>",
            "<svg><script>alert(1)</script></svg>",
            "<iframe src=javascript:alert(1)></iframe>",
            "<a href=\"javascript:alert(1)\">click</a>",
            "<a href=\"jAvAsCrIpT:alert(1)\">click</a>",
            "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<body onload=alert(1)>",
            "<input autofocus onfocus=alert(1)>",
            "<details open ontoggle=alert(1)>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<object data=javascript:alert(1)>",
            "<embed src=javascript:alert(1)>",
            "<style>@import 'javascript:alert(1)';</style>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<p onclick=alert(1)>para</p>",
            "\"><script>alert(1)</script>",
            "'><img src=x onerror=alert(1)>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "&#60;script&#62;alert(1)&#60;/script&#62;",
            "<scr<script>ipt>alert(1)</scr</script>ipt>",
            "<<script>script>alert(1)<</script>/script>",
            "<meta http-equiv=refresh content=0;url=javascript:alert(1)>",
            "<form action=javascript:alert(1)><button>go</button></form>",
            "<base href=javascript:alert(1)//>",
            "<video><source onerror=alert(1)></video>",
            "<marquee onstart=alert(1)>x</marquee>",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<b onmouseover=alert(1)>bold</b> text",
            "Hello <b>world</b> & <i>friends</i>",
            "<!--<img src=x onerror=alert(1)>-->");

    private static final Pattern ANY_TAG = Pattern.compile("<\\s*[a-zA-Z!/?]");
    private static final Pattern ACTIVE = Pattern.compile(
            "(?is)<\\s*(script|iframe|object|embed|svg|math|style|meta|base|form|input|body|video|source|marquee|details)"
                    + "|<[^>]*\\son\\w+\\s*="
                    + "|<[^>]*(href|src|action|data|style)\\s*=\\s*[\"']?\\s*(javascript|vbscript|data):");

    private static final String MANAGER = token("u-1", "markup", "interviews:manage", "interviews:read");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static void assertPlain(String field, String stored) {
        if (stored != null) {
            assertThat(ANY_TAG.matcher(stored).find())
                    .as("%s holds markup: %s", field, stored)
                    .isFalse();
        }
    }

    static void assertInactive(String field, String stored) {
        if (stored != null) {
            assertThat(ACTIVE.matcher(stored).find())
                    .as("%s holds active markup: %s", field, stored)
                    .isFalse();
        }
    }

    @Test
    void interviewTitlesAndDescriptions() {
        for (int i = 0; i < CORPUS.size(); i++) {
            ObjectNode body = JSON.createObjectNode()
                    .put("title", "T" + i + " " + CORPUS.get(i))
                    .put("description", CORPUS.get((i + 1) % CORPUS.size()))
                    .put("duration_seconds", 600);
            var created = http.post("/api/v1/interviews", MANAGER, body.toString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode interview = json(created.body());
            assertPlain("title", interview.get("title").asString());
            assertPlain("description", interview.get("description").asString(null));
        }
    }

    @Test
    void workflowDefinitionTexts() {
        String coordinator = token("u-c", "markup", "workflows:manage");
        ArrayNode groups = JSON.createArrayNode();
        for (int g = 0; g < 2; g++) {
            ObjectNode group = groups.addObject().put("key", "g" + g).put("title", "Group " + CORPUS.get(g));
            ArrayNode tasks = group.putArray("tasks");
            for (int t = g; t < CORPUS.size(); t += 2) {
                tasks.addObject()
                        .put("key", "t" + t)
                        .put("title", "Task " + t + " " + CORPUS.get(t))
                        .put("description", CORPUS.get((t + 1) % CORPUS.size()))
                        .put("link_text", CORPUS.get((t + 2) % CORPUS.size()))
                        .put("link_url_path", "/task-" + t);
            }
        }
        var stored = http.put(
                "/api/v1/workflow-definitions/markup-"
                        + UUID.randomUUID().toString().substring(0, 8),
                coordinator,
                JSON.createObjectNode().set("groups", groups).toString());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        for (JsonNode group : json(stored.body()).get("groups").values()) {
            assertPlain("group title", group.get("title").asString());
            for (JsonNode task : group.get("tasks").values()) {
                assertPlain("task title", task.get("title").asString());
                assertPlain("task description", task.get("description").asString(null));
                assertPlain("link_text", task.get("link_text").asString(null));
            }
        }
    }

    @Test
    void scheduledInterviewTexts() {
        String organizer = token("u-org", "markup", "schedules:create", "schedules:read", "schedules:update");
        Instant start = Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CORPUS.size(); i++) {
            ObjectNode body = JSON.createObjectNode()
                    .put("interview_type", "technical")
                    .put("title", "S" + i + " " + CORPUS.get(i))
                    .put("scheduled_start", start.plus(2L * i, ChronoUnit.HOURS).toString())
                    .put(
                            "scheduled_end",
                            start.plus(2L * i + 1, ChronoUnit.HOURS).toString())
                    .put("timezone", "UTC")
                    .put("meeting_provider", "custom")
                    .put("location", CORPUS.get((i + 1) % CORPUS.size()))
                    .put("notes", CORPUS.get((i + 2) % CORPUS.size()))
                    .put("allow_overlap", true);
            body.putObject("candidate")
                    .put("id", "c-" + i)
                    .put("name", "Casey " + CORPUS.get((i + 3) % CORPUS.size()))
                    .put("email", "casey@example.com")
                    .put("timezone", "UTC");
            var created = http.post("/api/v1/schedules", organizer, body.toString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode interview = json(created.body());
            assertPlain("title", interview.get("title").asString());
            assertPlain("location", interview.get("location").asString(null));
            assertPlain("candidate.name", interview.get("candidate").get("name").asString());
            assertInactive("notes", interview.get("notes").asString(null));
            ids.add(interview.get("id").asString());
        }
        for (int i = 0; i < 5; i++) {
            var cancelled = http.post(
                    "/api/v1/schedules/" + ids.get(i) + "/cancel",
                    organizer,
                    JSON.createObjectNode().put("reason", CORPUS.get(i + 5)).toString(),
                    "If-Match",
                    "\"1\"");
            assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
            assertPlain(
                    "cancellation_reason",
                    json(cancelled.body()).get("cancellation_reason").asString(null));
        }
    }
}
