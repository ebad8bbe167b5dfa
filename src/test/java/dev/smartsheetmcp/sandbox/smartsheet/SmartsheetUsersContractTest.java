package dev.smartsheetmcp.sandbox.smartsheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.SpecSchemas;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmartsheetUsersContractTest extends EmulatorContract {

    private static final long TWO_TO_THE_53 = 1L << 53;

    @Test
    void theCurrentUserIsTheTokensOwnUserAsAUserProfile() {
        ApiClient.Response me = api.get("/users/me");

        assertThat(me.status()).isEqualTo(200);
        SpecSchemas.assertValid("UserProfile", me.json());
        assertThat(me.json().path("id").bigIntegerValue().longValueExact()).isEqualTo(emulator.ownerUserId())
                .isGreaterThan(TWO_TO_THE_53);
        assertThat(me.json().path("email").asText()).isEqualTo("owner@sandbox.example");
        assertThat(me.json().path("account").path("name").asText()).isNotBlank();
        assertThat(me.json().path("admin").asBoolean()).isTrue();
        assertThat(me.json().path("sheetCount").asInt()).as("a static 0 on /users/me").isZero();

        emulator.addToken("ada-token", "ada.lovelace@sandbox.example");
        JsonNode ada = api.withToken("ada-token").get("/users/me").json();
        assertThat(ada.path("email").asText()).isEqualTo("ada.lovelace@sandbox.example");
        assertThat(ada.path("firstName").asText()).isEqualTo("Ada");
    }

    @Test
    void listsUsersAsAPagedIndexResultOfUserObjects() {
        for (int i = 0; i < 7; i++) emulator.addUser("Extra", "User" + i, "extra" + i + "@sandbox.example");

        JsonNode all = api.get("/users").json();
        SpecSchemas.assertValid("IndexResult", all);
        all.path("data").forEach(user -> SpecSchemas.assertValid("User", user));
        int total = all.path("totalCount").asInt();
        assertThat(total).isEqualTo(all.path("data").size()).isGreaterThanOrEqualTo(11);
        assertThat(all.path("data").get(0).path("name").asText()).isEqualTo("Sandbox Owner");
        assertThat(all.path("data").get(0).path("status").asText()).isEqualTo("ACTIVE");

        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            JsonNode answer = api.get("/users?pageSize=4&page=" + page).json();
            assertThat(answer.path("pageNumber").asInt()).isEqualTo(page);
            assertThat(answer.path("totalPages").asInt()).isEqualTo((total + 3) / 4);
            answer.path("data").forEach(user -> paged.add(user.path("id").asText()));
        }
        List<String> expected = new ArrayList<>();
        all.path("data").forEach(user -> expected.add(user.path("id").asText()));
        assertThat(paged).isEqualTo(expected);
    }

    @Test
    void filtersUsersByACommaSeparatedListOfEmailsIgnoringCase() {
        JsonNode answer = api.get("/users?email=Grace.Hopper@sandbox.example,alan.turing@sandbox.example,nobody@x.example").json();

        assertThat(answer.path("totalCount").asInt()).isEqualTo(2);
        assertThat(answer.path("data").findValuesAsText("email"))
                .containsExactly("grace.hopper@sandbox.example", "alan.turing@sandbox.example");
        assertThat(answer.path("data").get(1).path("status").asText()).isEqualTo("PENDING");
        assertThat(answer.path("data").get(1).has("sheetCount")).as("only for ACTIVE users").isFalse();
    }

    @Test
    void aCallerWhoIsNotAnAdminDoesNotSeeTheAdminAttributes() {
        emulator.addToken("ada-token", "ada.lovelace@sandbox.example");
        ApiClient asAda = api.withToken("ada-token");

        JsonNode listed = asAda.get("/users").json().path("data").get(0);
        JsonNode grace = asAda.get("/users/" + emulator.userId("grace.hopper@sandbox.example")).json();

        for (JsonNode user : List.of(listed, grace)) {
            assertThat(user.has("admin")).isFalse();
            assertThat(user.has("status")).isFalse();
            assertThat(user.has("sheetCount")).isFalse();
            assertThat(user.path("email").asText()).isNotBlank();
        }
    }

    @Test
    void getsOneUserAsAUserProfile() {
        long graceId = emulator.userId("grace.hopper@sandbox.example");

        ApiClient.Response grace = api.get("/users/" + graceId);

        assertThat(grace.status()).isEqualTo(200);
        SpecSchemas.assertValid("UserProfile", grace.json());
        assertThat(grace.json().path("id").bigIntegerValue().longValueExact()).isEqualTo(graceId);
        assertThat(grace.json().path("firstName").asText()).isEqualTo("Grace");
        assertThat(grace.json().path("groupAdmin").asBoolean()).isTrue();
    }

    @Test
    void anUnknownOrMalformedUserIdIsNotFound() {
        for (String id : List.of(Long.toString(UNKNOWN_ID), "abc")) {
            ApiClient.Response response = api.get("/users/" + id);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.errorCode()).isEqualTo(1006);
            SpecSchemas.assertValid("Error", response.json());
        }
    }

    @Test
    void aBadPageSizeIsAnInvalidParameter() {
        ApiClient.Response response = api.get("/users?pageSize=0");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo(1018);
    }
}
