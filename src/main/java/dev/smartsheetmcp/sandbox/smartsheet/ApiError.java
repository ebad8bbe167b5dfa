package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Smartsheet error answer: HTTP status, errorCode and message as the public error code
 * list spells them, plus the optional {@code detail} object some errors carry.
 */
final class ApiError extends RuntimeException {

    private static final AtomicLong REF_IDS = new AtomicLong(0x5ee_d000L);

    final int status;
    final int errorCode;
    final Map<String, Object> detail;

    private ApiError(int status, int errorCode, String message, Map<String, Object> detail) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
        this.detail = detail;
    }

    ApiError(int status, int errorCode, String message) {
        this(status, errorCode, message, Map.of());
    }

    ApiError withDetail(Map<String, Object> value) {
        return new ApiError(status, errorCode, getMessage(), value);
    }

    /** The {errorCode, message, refId} body, with detail when present; each answer gets its own refId. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errorCode", errorCode);
        body.put("message", getMessage());
        body.put("refId", Long.toString(REF_IDS.incrementAndGet(), 36));
        if (!detail.isEmpty()) body.put("detail", detail);
        return body;
    }

    static ApiError tokenRequired() { return new ApiError(401, 1001, "An Access Token is required."); }
    static ApiError invalidToken() { return new ApiError(401, 1002, "Your Access Token is invalid."); }
    static ApiError notAuthorized() { return new ApiError(403, 1004, "You are not authorized to perform this action."); }
    static ApiError notFound() { return new ApiError(404, 1006, "Not Found"); }
    static ApiError rateLimited() { return new ApiError(429, 4003, "Rate limit exceeded."); }

    static ApiError methodNotSupported(String method) {
        return new ApiError(405, 1122, "Requested URL does not support this method: " + method + ".");
    }

    static ApiError unparsable(String reason) {
        return new ApiError(400, 1008, "Unable to parse request. The following error occurred: " + reason);
    }

    static ApiError missingParameter(String name) {
        return new ApiError(400, 1009, "A required parameter is missing from your request: " + name + ".");
    }

    static ApiError missingAttribute(String name) {
        return new ApiError(400, 1012, "A required object attribute is missing from your request: " + name + ".");
    }

    static ApiError invalidParameter(String value, String parameter) {
        return new ApiError(400, 1018, "The value " + value + " was not valid for the parameter " + parameter + ".");
    }

    static ApiError invalidAttribute(String value, String attribute) {
        return new ApiError(400, 1031, "The value " + value + " was not valid for the attribute " + attribute + ".");
    }

    static ApiError invalidColumnId(Object columnId) {
        return new ApiError(400, 1036, "The columnId " + columnId + " is invalid.");
    }

    static ApiError duplicateColumnId(long columnId) {
        return new ApiError(400, 1037, "The columnId " + columnId + " is included more than once in a single row.");
    }

    static ApiError invalidCellValue() {
        return new ApiError(400, 1038, "Invalid Cell value. Must be numeric or a string.");
    }

    static ApiError tooLong(String attribute, int max, int actual) {
        return new ApiError(400, 1041,
                "The value for " + attribute + " must be " + max + " characters in length or less, but was " + actual + ".");
    }

    static ApiError notStrict(long columnId, Object value, String type) {
        return new ApiError(400, 1042, "The value for cell in column " + columnId + ", " + value
                + ", did not conform to the strict requirements for type " + type + ".");
    }

    static ApiError systemColumn(long columnId) {
        return new ApiError(400, 1046,
                "Cells containing system values cannot be inserted or updated through the API, columnId : " + columnId + ".");
    }

    static ApiError needsColumns() { return new ApiError(400, 1054, "The new sheet requires either a fromId or columns."); }
    static ApiError onePrimary() { return new ApiError(400, 1055, "One and only one column must be primary."); }
    static ApiError titlesNotUnique() { return new ApiError(400, 1056, "Column titles must be unique."); }
    static ApiError primaryNotText() { return new ApiError(400, 1057, "Primary columns must be of type TEXT_NUMBER."); }

    static ApiError optionsNotAllowed(String type) {
        return new ApiError(400, 1060, "Column options are not allowed for column type " + type + ".");
    }

    /** Over 500 rows in one add or update call. */
    static ApiError maxCountExceeded(String field) {
        return new ApiError(400, 1061, "Max count exceeded for field " + field + ".");
    }

    static ApiError invalidRowLocation() { return new ApiError(400, 1062, "Invalid row location."); }
    static ApiError invalidSiblingId(long id) { return new ApiError(400, 1064, "Invalid siblingId: " + id + "."); }
    static ApiError columnNotDeletable() { return new ApiError(400, 1065, "The column specified cannot be deleted."); }

    static ApiError duplicateSystemColumn(String type) {
        return new ApiError(400, 1077, "Duplicate system column type: " + type + ".");
    }

    static ApiError systemColumnTypeMismatch(String type, String systemColumnType) {
        return new ApiError(400, 1079,
                "Column type " + type + " is not supported for system column type " + systemColumnType + ".");
    }

    static ApiError valueAndObjectValue() {
        return new ApiError(400, 1130, "One of cell.value or objectValue may be set, but not both.");
    }

    static ApiError wrongObjectType(long columnId, String allowed) {
        return new ApiError(400, 1131,
                "cell.objectValue for column " + columnId + " was of the wrong object type. Allowed types: " + allowed + ".");
    }

    static ApiError formulaWithoutEquals() {
        return new ApiError(400, 1162, "A formula must always start with an equal sign (=).");
    }

    static ApiError columnFormulaCell() { return new ApiError(400, 1302, "Cannot edit column formula cells."); }

    /**
     * A file over the API's upload limit (30 MB). Smartsheet's reference states the limit but no
     * error code for it; this is the emulator's choice.
     */
    static ApiError fileTooLarge(long maxBytes) {
        return new ApiError(400, 1050, "The file exceeds the maximum upload size of " + maxBytes + " bytes.");
    }

    static ApiError serverError() {
        return new ApiError(500, 4000, "An unexpected error has occurred. Please contact api@smartsheet.com for assistance.");
    }

    static ApiError retryableServerError() {
        return new ApiError(500, 4004, "An unexpected error has occurred. Please retry your request. "
                + "If you encounter this error repeatedly, please contact api@smartsheet.com for assistance.");
    }

    static ApiError maintenance() {
        return new ApiError(503, 4001,
                "Smartsheet.com is currently offline for system maintenance. Please check back again shortly.");
    }
}
