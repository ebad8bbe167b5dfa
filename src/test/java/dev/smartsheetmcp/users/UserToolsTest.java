package dev.smartsheetmcp.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.SandboxApplication;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** get_current_user, get_user and list_users against the Smartsheet emulator. */
@SandboxApplication({"tools.users.page-size=7"})
class UserToolsTest {

    private static final long TWO_TO_THE_53 = 1L << 53;

    private static SandboxApp app;
    private static McpSyncClient client;
    private static SmartsheetEmulator smartsheet;

    @BeforeAll
    static void setUp() {
        smartsheet = app.sandbox().smartsheet();
        for (int i = 0; i < 40; i++) smartsheet.addUser("Member", "Number " + i, "member" + i + "@sandbox.example");
    }

    @Test
    void theCurrentUserIsTheTokensUserWithItsIdAsA64BitString() {
        JsonNode me = ToolCalls.ok(client, "get_current_user", Map.of());

        assertThat(smartsheet.ownerUserId()).isGreaterThan(TWO_TO_THE_53);
        assertThat(me.path("id").isTextual()).isTrue();
        assertThat(me.path("id").asText()).isEqualTo(Long.toString(smartsheet.ownerUserId()));
        assertThat(me.path("email").asText()).isEqualTo("owner@sandbox.example");
        assertThat(me.path("name").asText()).isEqualTo("Sandbox Owner");
        assertThat(me.path("admin").asBoolean()).isTrue();
        assertThat(me.path("account").path("id").isTextual()).isTrue();
        assertThat(me.path("time_zone").asText()).isNotBlank();
    }

    @Test
    void getsOneUserById() {
        long grace = smartsheet.userId("grace.hopper@sandbox.example");

        JsonNode user = ToolCalls.ok(client, "get_user", Map.of("user_id", Long.toString(grace)));

        assertThat(user.path("id").asText()).isEqualTo(Long.toString(grace));
        assertThat(user.path("first_name").asText()).isEqualTo("Grace");
        assertThat(user.path("group_admin").asBoolean()).isTrue();
        assertThat(user.path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void anUnknownUserIsSmartsheetsNotFoundAndABadIdNamesTheField() {
        assertThat(ToolCalls.error(client, "get_user", Map.of("user_id", "9999999999999999")))
                .contains("Smartsheet error 1006").contains("refId");
        smartsheet.resetCounters();
        assertThat(ToolCalls.error(client, "get_user", Map.of("user_id", "12ab"))).contains("user_id");
        assertThat(ToolCalls.error(client, "get_user", Map.of())).contains("user_id");
        assertThat(smartsheet.requestCount("GET /users/{userId}")).isZero();
    }

    @Test
    void listsEveryUserInOneAnswerWithinTheDefaultBudget() {
        smartsheet.resetCounters();

        JsonNode answer = ToolCalls.ok(client, "list_users", Map.of());

        assertThat(answer.has("cursor")).isFalse();
        assertThat(answer.path("users").size()).isEqualTo(answer.path("total_count").asInt()).isGreaterThanOrEqualTo(44);
        assertThat(answer.path("users").get(0).path("email").asText()).isEqualTo("owner@sandbox.example");
        assertThat(answer.path("users").get(0).path("id").isTextual()).isTrue();
        assertThat(smartsheet.requestCount("GET /users")).as("pages of 7").isEqualTo((answer.path("total_count").asInt() + 6) / 7);
    }

    @Test
    void filtersByEmail() {
        JsonNode answer = ToolCalls.ok(client, "list_users",
                Map.of("email", "ada.lovelace@sandbox.example, member3@sandbox.example"));

        assertThat(answer.path("users").findValuesAsText("email"))
                .containsExactly("ada.lovelace@sandbox.example", "member3@sandbox.example");
        assertThat(answer.path("total_count").asInt()).isEqualTo(2);
        assertThat(ToolCalls.error(client, "list_users", Map.of("email", "not an address"))).contains("'email'");
    }

    @Test
    void pagesThroughTheUsersWithinASmallBudgetWithoutDuplicateOrGap() {
        List<String> all = new ArrayList<>();
        ToolCalls.ok(client, "list_users", Map.of()).path("users").forEach(user -> all.add(user.path("id").asText()));

        List<String> paged = new ArrayList<>();
        Map<String, Object> arguments = new HashMap<>(Map.of("max_chars", 1000));
        int pages = 0;
        while (true) {
            JsonNode answer = ToolCalls.okWithin(client, "list_users", arguments, 1000);
            answer.path("users").forEach(user -> paged.add(user.path("id").asText()));
            assertThat(answer.path("total_count").asInt()).isEqualTo(all.size());
            pages++;
            if (!answer.has("cursor")) break;
            arguments.put("cursor", answer.path("cursor").asText());
        }

        assertThat(pages).isGreaterThan(3);
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void aForeignOrGarbledCursorIsAnErrorNamingCursor() {
        JsonNode firstPage = ToolCalls.ok(client, "list_users", Map.of("max_chars", 1000));
        String cursor = firstPage.path("cursor").asText();

        assertThat(ToolCalls.error(client, "list_users", Map.of("cursor", "garbled!")))
                .startsWith("Invalid argument 'cursor'");
        assertThat(ToolCalls.error(client, "list_users", Map.of("cursor", cursor, "email", "ada.lovelace@sandbox.example")))
                .startsWith("Invalid argument 'cursor': was answered for other arguments");
        assertThat(ToolCalls.error(client, "list_workspaces", Map.of("cursor", cursor)))
                .startsWith("Invalid argument 'cursor': comes from another tool ('list_users')");
    }
}
