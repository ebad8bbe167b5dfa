package dev.smartsheetmcp.crossrefs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.smartsheet.SmartsheetApiException;
import dev.smartsheetmcp.toolkit.CallCancellation;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Variable;

/**
 * Steps of {@code direct:crossrefs-read}: a sheet's references, the formulas that use them, their source sheets;
 * a call the client cancelled stops after the source sheet it is reading.
 */
public final class SheetReferenceReads {

    private int pageSize = 5000;

    public void setPageSize(int pageSize) { this.pageSize = pageSize; }

    public SheetReferences start(@Header("SheetId") long sheetId, @Body JsonNode listed) {
        return new SheetReferences(sheetId, listed);
    }

    public ReferenceUsage scanFormulas(@Variable("sheetReferences") SheetReferences references, @Body JsonNode columns) {
        return references.scanFormulas(columns, pageSize);
    }

    public void sourceRead(@Variable("sheetReferences") SheetReferences references, @Variable("sourceRead") SheetReferences.SourceRead read,
                           @Body JsonNode sheet, Exchange exchange) {
        CallCancellation.throwIfCancelled(exchange);
        references.sourceRead(read, sheet);
    }

    public void sourceFailed(@Variable("sheetReferences") SheetReferences references, @Variable("sourceRead") SheetReferences.SourceRead read,
                             @ExchangeProperty("CamelExceptionCaught") SmartsheetApiException error, Exchange exchange) {
        CallCancellation.throwIfCancelled(exchange);
        references.sourceFailed(read, error);
    }
}
