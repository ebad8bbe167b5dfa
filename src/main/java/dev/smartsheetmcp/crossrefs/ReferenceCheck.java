package dev.smartsheetmcp.crossrefs;

import dev.smartsheetmcp.toolkit.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code smartsheet_validate_cross_references} found wrong with a sheet's references, and how
 * each problem can be repaired with the API Smartsheet offers (which cannot edit or delete a
 * reference): a range whose edge rows are gone but whose columns remain gets a new whole-column
 * reference that its formulas then name; a formula naming no reference, where one reference's name
 * differs only in case or spacing, is rewritten to that name. A gone or unreadable source, or an
 * edge column gone, cannot be repaired here.
 */
public final class ReferenceCheck {

    private static final int ROWS_NAMED = 10;

    /** A reference to create for a repair: the request body, and the problem it repairs. */
    public record NewReference(String name, String body, Problem problem) {
    }

    /** One problem found: a broken reference, or a name the formulas use that no reference has. */
    static final class Problem {
        final Map<String, Object> report = new LinkedHashMap<>();
        final List<ReferenceUsage.Formula> formulas;
        String oldName;
        String newName;
        String error;

        Problem(String kind, String name, List<ReferenceUsage.Formula> formulas) {
            this.formulas = formulas;
            report.put("kind", kind);
            report.put("reference", name);
        }
    }

    private final SheetReferences references;
    private final boolean fix;
    private final List<Problem> problems = new ArrayList<>();
    private final List<NewReference> toCreate = new ArrayList<>();
    private final FormulaRewrites rewrites = new FormulaRewrites();

    ReferenceCheck(SheetReferences references, boolean fix) {
        this.references = references;
        this.fix = fix;
        references.references().forEach(this::checkReference);
        references.usage().names().forEach(this::checkName);
    }

    private void checkReference(CrossReference reference) {
        String problem = references.problem(reference);
        if (problem == null) return;
        SourceSheet source = references.source(reference);
        String kind = !source.readable() ? (source.gone() ? "source_sheet_gone" : "source_sheet_unreadable") : "range_outside_source";
        Problem found = problem(kind, reference.name(), references.usage().of(reference.name()));
        found.report.put("reference_id", Long.toString(reference.id()));
        found.report.put("status", reference.status());
        found.report.put("problem", problem);
        if (source.readable() && reference.startColumnId() != null && !problem.startsWith("column")) {
            found.oldName = reference.name();
            found.newName = freeName(reference.name() + " (whole columns)");
            found.report.put("repair", "a new reference '" + found.newName + "' over the same columns, all rows, named by "
                    + found.formulas.size() + " formula(s) instead of '" + reference.name() + "'");
            if (fix) toCreate.add(new NewReference(found.newName, body(found.newName, reference), found));
        } else {
            found.report.put("repair", null);
            found.report.put("why_not", source.readable() ? "a column at an edge of the range was deleted: the range cannot be known again"
                    : "the source sheet cannot be read: share it with this token's user, or point the formulas at another reference");
        }
    }

    private void checkName(String name) {
        if (references.named(name) != null) return;
        Problem found = problem("unknown_reference", name, references.usage().of(name));
        found.report.put("problem", "formulas name {" + name + "}, which is no cross-sheet reference of this sheet");
        List<CrossReference> alike = references.references().stream()
                .filter(reference -> ReferenceNames.looseKey(reference.name()).equals(ReferenceNames.looseKey(name))).toList();
        if (alike.size() == 1) {
            found.oldName = name;
            found.newName = alike.get(0).name();
            found.report.put("repair", "the formulas name {" + found.newName + "} instead");
            if (fix) rewrites.rename(found.formulas, found.oldName, found.newName);
        } else {
            found.report.put("repair", null);
            found.report.put("why_not", "no reference of this sheet has a name like it: create one with "
                    + "smartsheet_create_cross_reference, or correct the formulas");
        }
    }

    private Problem problem(String kind, String name, List<ReferenceUsage.Formula> formulas) {
        Problem found = new Problem(kind, name, formulas);
        found.report.put("formulas_using_it", formulas.size());
        found.report.put("columns", formulas.stream().map(ReferenceUsage.Formula::column).distinct().toList());
        found.report.put("row_ids", formulas.stream().filter(formula -> formula.rowId() != null).limit(ROWS_NAMED)
                .map(formula -> Long.toString(formula.rowId())).toList());
        problems.add(found);
        return found;
    }

    private String freeName(String wanted) {
        String name = wanted;
        for (int n = 2; references.named(name) != null; n++) name = wanted + " " + n;
        return name;
    }

    private static String body(String name, CrossReference reference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("sourceSheetId", reference.sourceSheetId());
        body.put("startColumnId", reference.startColumnId());
        body.put("endColumnId", reference.endColumnId());
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<NewReference> referencesToCreate() {
        return toCreate;
    }

    void created(NewReference created) {
        rewrites.rename(created.problem().formulas, created.problem().oldName, created.name());
    }

    void createFailed(NewReference failed, String error) {
        failed.problem().error = error;
    }

    FormulaRewrites rewrites() {
        return rewrites;
    }

    Map<String, Object> answer() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sheet_id", Long.toString(references.sheetId()));
        answer.put("references_checked", references.references().size());
        answer.put("formulas_naming_references", references.usage().formulaCount());
        answer.put("valid", problems.isEmpty());
        answer.put("fix_broken", fix);
        List<Map<String, Object>> reports = new ArrayList<>();
        int repaired = 0;
        for (Problem problem : problems) {
            if (fix) repaired += outcome(problem) ? 1 : 0;
            reports.add(problem.report);
        }
        answer.put("problems", reports);
        if (fix) {
            answer.put("repaired", repaired);
            answer.put("not_repaired", problems.size() - repaired);
            if (!toCreate.isEmpty()) {
                answer.put("note", "Smartsheet's API cannot delete a reference; a broken one no formula names any more "
                        + "is deleted by Smartsheet two hours later.");
            }
        }
        return answer;
    }

    /** Marks the problem repaired or not, with the error that stopped it; true when repaired. */
    private boolean outcome(Problem problem) {
        if (problem.newName == null) {
            problem.report.put("repaired", false);
            return false;
        }
        String error = problem.error != null ? problem.error : rewrites.failureOf(problem.formulas);
        problem.report.put("repaired", error == null);
        if (error != null) problem.report.put("error", error);
        return error == null;
    }
}
