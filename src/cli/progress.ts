import { SingleBar } from "cli-progress";
import type { Progress } from "../app.ts";

/** A progress bar on stderr, shown once there are enough files to wait for. */
export function progressBar(minimumFiles = 20): { onProgress: Progress; done(): void } {
  let bar: SingleBar | undefined;
  return {
    onProgress(done, total) {
      if (total < minimumFiles) return;
      if (!bar) {
        bar = new SingleBar({
          stream: process.stderr,
          format: "ingesting [{bar}] {value}/{total} files",
          hideCursor: true,
        });
        bar.start(total, 0);
      }
      bar.update(done);
    },
    done() {
      bar?.stop();
      bar = undefined;
    },
  };
}
