// `bin/provider/implementation`: the module the serialized loaders of the earliest builds required by
// package path, kept at this path so that their state still refreshes. The provider lives in host/.

export { configure, create, read } from "./host/provider";
