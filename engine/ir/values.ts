/** The values an event field holds, as the IR's functions and the runtime see them. */
export type Scalar = string | number | boolean | null;
/** ECS arrays (event.category, event.type, related.*) are plain arrays of scalars. */
export type FieldValue = Scalar | readonly Scalar[];
