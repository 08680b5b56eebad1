// `bin/provider/host`: the module every serialized loader in state requires by package path (see
// program/loader.ts), so it stays at this path whatever the layout. The host's code lives in host/.

export { configure, create, read } from "./host/entry";
