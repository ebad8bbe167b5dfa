/**
 * The durable job queue in the job store (HSQLDB or PostgreSQL, Flyway), one home per table or
 * concern: jobs ({@link dev.smartsheetmcp.jobs.JobQueue}), their work items and batches
 * ({@link dev.smartsheetmcp.jobs.WorkItems}), claims and fenced leases ({@link dev.smartsheetmcp.jobs.JobLease}),
 * the instances' node ids ({@link dev.smartsheetmcp.jobs.JobNode}),
 * what was last written to each row ({@link dev.smartsheetmcp.jobs.RowResults}) and the reporting
 * queries ({@link dev.smartsheetmcp.jobs.JobReports}); the workers with their job slots and batch
 * turns, status views and job metrics. Java runs SQL through
 * {@link dev.smartsheetmcp.jobs.SqlStatements}; routes run the retention purge from {@code sql/*.sql}.
 */
package dev.smartsheetmcp.jobs;
