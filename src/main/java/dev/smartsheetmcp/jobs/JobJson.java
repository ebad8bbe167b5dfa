package dev.smartsheetmcp.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smartsheetmcp.toolkit.Json;
import java.util.List;

/** The JSON a job's column lists and row filter are stored as in {@code analysis_job}. */
final class JobJson {

    private static final ObjectMapper JSON = Json.MAPPER;

    private JobJson() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static List<String> strings(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt column list in the job store", e);
        }
    }

    static List<Long> longs(String json) {
        if (json == null) return null;
        try {
            return JSON.readValue(json, new TypeReference<List<Long>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt row filter in the job store", e);
        }
    }
}
