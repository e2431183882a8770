/**
 * A tiny terminal emulator for tests: enough of VT100 (printing with deferred wrap, CR, LF,
 * cursor up/down/forward, erase) to check what the learner would see on screen.
 */
export class Screen {
  rows: string[][] = [[]];
  row = 0;
  col = 0;
  private pendingWrap = false;

  constructor(readonly cols = 80) {}

  write(data: string): void {
    for (let i = 0; i < data.length; i++) {
      const c = data[i]!;
      if (c === "\x1b" && data[i + 1] === "[") {
        let j = i + 2;
        while (j < data.length && /[0-9;?]/.test(data[j]!)) j++;
        this.csi(data.slice(i + 2, j), data[j]!);
        i = j;
        continue;
      }
      if (c === "\r") {
        this.col = 0;
        this.pendingWrap = false;
      } else if (c === "\n") {
        this.lineFeed();
      } else if (c === "\b") {
        this.col = Math.max(0, this.col - 1);
        this.pendingWrap = false;
      } else if (c >= " ") {
        if (this.pendingWrap) {
          this.col = 0;
          this.lineFeed();
        }
        const line = this.line(this.row);
        while (line.length < this.col) line.push(" ");
        line[this.col] = c;
        if (this.col === this.cols - 1) this.pendingWrap = true;
        else this.col++;
      }
    }
  }

  /** The screen as text lines, trailing spaces trimmed. */
  text(): string[] {
    return this.rows.map((r) => r.join("").trimEnd());
  }

  /** The last non-empty line. */
  lastLine(): string {
    const t = this.text().filter((l) => l !== "");
    return t[t.length - 1] ?? "";
  }

  private line(row: number): string[] {
    while (this.rows.length <= row) this.rows.push([]);
    return this.rows[row]!;
  }

  private lineFeed(): void {
    this.row++;
    this.line(this.row);
    this.pendingWrap = false;
  }

  private csi(params: string, final: string): void {
    const n = Math.max(1, parseInt(params || "1", 10) || 1);
    this.pendingWrap = false;
    switch (final) {
      case "A":
        this.row = Math.max(0, this.row - n);
        break;
      case "B":
        this.row += n;
        this.line(this.row);
        break;
      case "C":
        this.col = Math.min(this.cols - 1, this.col + n);
        break;
      case "D":
        this.col = Math.max(0, this.col - n);
        break;
      case "K":
        this.line(this.row).splice(this.col);
        break;
      case "J":
        if (params === "2" || params === "3") {
          this.rows = [[]];
          this.row = 0;
          this.col = 0;
        } else {
          this.line(this.row).splice(this.col);
          this.rows.splice(this.row + 1);
        }
        break;
      case "H":
        this.row = 0;
        this.col = 0;
        break;
      default:
        break;
    }
  }
}
