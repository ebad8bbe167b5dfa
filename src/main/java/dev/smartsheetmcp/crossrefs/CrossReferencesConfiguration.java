package dev.smartsheetmcp.crossrefs;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;

/** The cross-sheet reference tools' beans, by the names {@code routes/tools-crossrefs.yaml} uses. */
public final class CrossReferencesConfiguration implements CamelConfiguration {

    @PropertyInject("tools.max-answer-chars")
    private int maxAnswerChars;
    @PropertyInject("tools.crossrefs.scan-max-sheets")
    private int scanMaxSheets;
    @PropertyInject("tools.rows.page-size")
    private int rowsPageSize;
    @PropertyInject("tools.columns.formula-scan-page-size")
    private int formulaScanPageSize;

    @Override
    public void configure(CamelContext camel) {
        Registry registry = camel.getRegistry();
        SheetReferenceReads reads = new SheetReferenceReads();
        reads.setPageSize(formulaScanPageSize);
        registry.bind("sheetReferenceReads", reads);
        ReferenceReport report = new ReferenceReport();
        report.setDefaultMaxChars(maxAnswerChars);
        registry.bind("referenceReport", report);
        registry.bind("referenceValidation", new ReferenceValidation());
        ReferenceSearches searches = new ReferenceSearches();
        searches.setDefaultMaxChars(maxAnswerChars);
        searches.setMaxSheets(scanMaxSheets);
        registry.bind("referenceSearches", searches);
        NewCrossReference newCrossReference = new NewCrossReference();
        newCrossReference.setPageSize(rowsPageSize);
        registry.bind("newCrossReference", newCrossReference);
    }
}
