// The API reference, drawn from /openapi.json with the page's own code (no third-party script, no CDN).
"use strict";

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function resolve(schema, spec) {
  if (schema && schema.$ref) {
    return schema.$ref.split("/").slice(1).reduce((node, key) => node[key], spec);
  }
  return schema || {};
}

function typeOf(schema, spec) {
  schema = resolve(schema, spec);
  if (schema.anyOf) return schema.anyOf.map((s) => typeOf(s, spec)).join(" or ");
  if (schema.type === "array") return `list of ${typeOf(schema.items, spec)}`;
  return schema.type || schema.title || "object";
}

function fields(schema, spec) {
  schema = resolve(schema, spec);
  const table = element("table", undefined, "fields");
  const head = table.insertRow();
  ["field", "type", "default", "about"].forEach((name) => head.appendChild(element("th", name)));
  const required = new Set(schema.required || []);
  for (const [name, property] of Object.entries(schema.properties || {})) {
    const row = table.insertRow();
    row.insertCell().appendChild(element("code", name + (required.has(name) ? " (required)" : "")));
    row.insertCell().textContent = typeOf(property, spec);
    row.insertCell().textContent = property.default === undefined ? "" : JSON.stringify(property.default);
    row.insertCell().textContent = property.description || "";
    const items = resolve(property.items, spec);
    if (items.properties) row.cells[3].appendChild(fields(items, spec));
  }
  return table;
}

function endpoint(path, method, operation, spec) {
  const section = element("section", undefined, "endpoint");
  section.appendChild(element("h2", `${method.toUpperCase()} ${path}`));
  if (operation.description || operation.summary) {
    section.appendChild(element("p", operation.description || operation.summary));
  }
  const body = operation.requestBody && operation.requestBody.content["application/json"];
  if (body) {
    section.appendChild(element("h3", "Request body"));
    section.appendChild(fields(body.schema, spec));
  }
  section.appendChild(element("h3", "Answers"));
  const answers = element("ul");
  for (const [status, response] of Object.entries(operation.responses || {})) {
    answers.appendChild(element("li", `${status}: ${response.description}`));
  }
  section.appendChild(answers);
  return section;
}

async function main() {
  const main = document.getElementById("endpoints");
  try {
    const response = await fetch("/openapi.json");
    const spec = await response.json();
    main.textContent = "";
    main.appendChild(element("p", `${spec.info.title} ${spec.info.version}: ${spec.info.description || ""}`));
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        main.appendChild(endpoint(path, method, operation, spec));
      }
    }
  } catch (failure) {
    document.getElementById("status").textContent = `Could not read the schema: ${failure}`;
  }
}

main();
