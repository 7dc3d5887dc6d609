// Runs W3C EPUBCheck on many EPUB files in one JVM: java -cp epubcheck.jar EpubCheckBatch.java FILE...
// Starting Java once per file costs seconds; the CommonMark sweep checks hundreds of small books.
// For each file it prints "FILE<TAB>path", then EPUBCheck's own ERROR/WARNING/FATAL lines, as `epubcheck -q` does.
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import java.io.File;

public class EpubCheckBatch {
  public static void main(String[] args) {
    System.setErr(System.out); // the report writes messages to stderr; keep them in order with the FILE lines
    for (String path : args) {
      System.out.println("FILE\t" + path);
      new EpubCheck(new File(path), new DefaultReportImpl(path, "", true)).validate();
      System.out.flush();
    }
  }
}
