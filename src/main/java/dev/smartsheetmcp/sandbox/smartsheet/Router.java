package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Matches a method and a path below /2.0 to an operation such as {@code GET /sheets/{sheetId}}. */
final class Router {

    /** Answers one operation with a status and a JSON-ready body. */
    @FunctionalInterface
    interface Handler {
        Reply handle(ApiRequest request);
    }

    record Reply(int status, Object body) {
        static Reply ok(Object body) {
            return new Reply(200, body);
        }
    }

    /** {@code weight}: how many requests Smartsheet counts the operation as against the rate limit. */
    record Route(String method, String template, int weight, Handler handler) {
        String operation() {
            return method + " " + template;
        }
    }

    record Match(Route route, Map<String, String> pathVariables) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String template, Handler handler) {
        return add(method, template, 1, handler);
    }

    /** An operation that counts as {@code weight} requests (attaching a file, cell history: 10). */
    Router add(String method, String template, int weight, Handler handler) {
        routes.add(new Route(method, template, weight, handler));
        return this;
    }

    /** The matching route; 405 when the path exists for other methods only, 404 when it does not exist. */
    Match match(String method, String path) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> variables = variables(route.template(), path);
            if (variables == null) continue;
            if (route.method().equals(method)) return new Match(route, variables);
            pathKnown = true;
        }
        throw pathKnown ? ApiError.methodNotSupported(method) : ApiError.notFound();
    }

    private static Map<String, String> variables(String template, String path) {
        String[] expected = template.split("/");
        String[] actual = path.split("/");
        if (expected.length != actual.length) return null;
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < expected.length; i++) {
            if (expected[i].startsWith("{")) {
                if (actual[i].isEmpty()) return null;
                variables.put(expected[i].substring(1, expected[i].length() - 1), actual[i]);
            } else if (!expected[i].equals(actual[i])) {
                return null;
            }
        }
        return variables;
    }
}
