export { useListParams, type ListPatch } from "./use-list-params";
export { FilterBar } from "./filter-bar";
export { ExportControl } from "./export-control";
export { ListTable } from "./list-table";
export { FlagCheckbox } from "./flag-checkbox";
