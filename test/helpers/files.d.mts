/** A file of this repository, as text. */
export declare function readRepoFile(relativePath: string): string;
