import { SingleBar } from "cli-progress";
import type { LoadProgress } from "../core/ports.ts";

/** A progress bar written through `write` to a terminal, shown once there are enough files to wait for. */
export function progressBar(
  write: (text: string) => void,
  columns: () => number | undefined = () => undefined,
  minimumFiles = 20,
): { onProgress: LoadProgress; done(): void } {
  let bar: SingleBar | undefined;
  // The part of a terminal stream the bar uses (readline's cursor moves only call write).
  const terminal = {
    isTTY: true,
    get columns() {
      return columns();
    },
    write(text: string) {
      write(text);
      return true;
    },
  };
  return {
    onProgress(done, total) {
      if (total < minimumFiles) return;
      if (!bar) {
        bar = new SingleBar({
          stream: terminal as unknown as NodeJS.WritableStream,
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
