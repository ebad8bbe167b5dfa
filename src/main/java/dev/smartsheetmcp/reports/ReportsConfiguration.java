package dev.smartsheetmcp.reports;

import dev.smartsheetmcp.sheets.reading.ReadLimits;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;

/** The report tools' bean, by the name {@code routes/tools-reports.yaml} uses. */
public final class ReportsConfiguration implements CamelConfiguration {

    @PropertyInject("tools.max-answer-chars")
    private int maxAnswerChars;
    @PropertyInject("tools.max-cell-chars")
    private int maxCellChars;
    @PropertyInject("tools.reports.page-size")
    private int pageSize;

    @Override
    public void configure(CamelContext camel) {
        camel.getRegistry().bind("reportReading", new ReportReading(new ReadLimits(maxAnswerChars, maxCellChars, pageSize)));
    }
}
