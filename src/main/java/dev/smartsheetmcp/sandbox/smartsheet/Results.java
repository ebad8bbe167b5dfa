package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.LinkedHashMap;
import java.util.Map;

/** Smartsheet's Result envelope for successful writes. */
final class Results {

    private Results() {
    }

    /** {@code {"message":"SUCCESS","resultCode":0,"result":...,"version":...}}; null parts are left out. */
    static Map<String, Object> success(Object result, Long version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "SUCCESS");
        body.put("resultCode", 0);
        if (result != null) body.put("result", result);
        if (version != null) body.put("version", version);
        return body;
    }
}
