// An independent MCP client session with the official TypeScript SDK.
//   node smoke.mjs http  <base-url>
//   node smoke.mjs stdio <java> <jar> [extra server args...]
// Prints one JSON line with what it saw; exits non-zero on the first unmet expectation.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [mode, ...rest] = process.argv.slice(2);

function transport() {
  if (mode === "http") return new StreamableHTTPClientTransport(new URL(rest[0] + "/mcp"));
  if (mode === "stdio") {
    const [java, jar, ...serverArgs] = rest;
    return new StdioClientTransport({ command: java, args: ["-jar", jar, "--sandbox", ...serverArgs], stderr: process.env.SMOKE_STDERR ?? "ignore" });
  }
  throw new Error("mode must be http or stdio");
}

function expect(condition, message) {
  if (!condition) throw new Error("expectation failed: " + message);
}

function json(result) {
  expect(!result.isError, "tool failed: " + JSON.stringify(result.content));
  return JSON.parse(result.content[0].text);
}

const client = new Client({ name: "ts-smoke", version: "1.0.0" });
await client.connect(transport());
const seen = { mode };
try {
  const { tools } = await client.listTools();
  seen.tools = tools.map((tool) => tool.name).sort();
  for (const name of ["get_column_map", "smartsheet_write", "smartsheet_search", "list_workspaces"]) {
    expect(seen.tools.includes(name), "tool " + name + " listed");
  }

  const workspaces = json(await client.callTool({ name: "list_workspaces", arguments: {} }));
  const demo = workspaces.workspaces.find((workspace) => workspace.name === "Demo Workspace");
  expect(demo, "demo workspace listed");
  const sheets = json(await client.callTool({ name: "list_workspace_sheets", arguments: { workspace_id: demo.id } }));
  const sheet = sheets.sheets.find((candidate) => candidate.name === "Customer Feedback");
  expect(sheet && /^\d{16}$/.test(sheet.id), "demo sheet id is a 16-digit string");

  const map = json(await client.callTool({ name: "get_column_map", arguments: { sheet_id: sheet.id } }));
  expect(map.column_map.Feedback, "Feedback column mapped");
  seen.columns = Object.keys(map.column_map).length;

  const written = json(await client.callTool({
    name: "smartsheet_write",
    arguments: { sheet_id: sheet.id, column_map: map.column_map, row_data: [{ Ticket: "TS-" + mode, Feedback: "written by the TypeScript SDK over " + mode }] },
  }));
  expect(written.row_ids.length === 1, "one row written");
  const found = json(await client.callTool({
    name: "smartsheet_search",
    arguments: { sheet_id: sheet.id, pattern: "written by the TypeScript SDK over " + mode },
  }));
  expect(found.row_ids.includes(written.row_ids[0]), "search finds the written row");

  const bad = await client.callTool({ name: "get_column_map", arguments: { sheet_id: "not-a-number" } });
  expect(bad.isError === true, "bad sheet_id is a tool error");
  seen.badArgumentError = bad.content[0].text;

  try {
    await client.callTool({ name: "no_such_tool", arguments: {} });
    expect(false, "unknown tool must be a protocol error");
  } catch (error) {
    seen.unknownToolError = String(error.message ?? error);
  }
  seen.ok = true;
} finally {
  await client.close();
}
console.log(JSON.stringify(seen));
