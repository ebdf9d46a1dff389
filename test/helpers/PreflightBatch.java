// PDF/A-1b validation of several files in one JVM with Apache PDFBox Preflight 2.0 (Debian
// libpdfbox2-java), the same calls as org.apache.pdfbox.preflight.Validator_A1b (runSimple),
// which takes one file per run. One line per file: "<file>\tVALID" or
// "<file>\tINVALID\t<code: details | ...>". Exit 0 when all are valid, 1 otherwise.
import java.io.File;
import org.apache.pdfbox.preflight.PreflightDocument;
import org.apache.pdfbox.preflight.ValidationResult;
import org.apache.pdfbox.preflight.ValidationResult.ValidationError;
import org.apache.pdfbox.preflight.exception.SyntaxValidationException;
import org.apache.pdfbox.preflight.parser.PreflightParser;

public class PreflightBatch {
  public static void main(String[] args) {
    boolean all = true;
    for (String path : args) {
      ValidationResult result;
      try {
        PreflightParser parser = new PreflightParser(new File(path));
        parser.parse();
        try (PreflightDocument doc = parser.getPreflightDocument()) {
          doc.validate();
          result = doc.getResult();
        }
      } catch (SyntaxValidationException e) {
        result = e.getResult();
      } catch (Exception e) {
        System.out.println(path + "\tINVALID\texception: " + e.toString().replace('\n', ' ').replace('\t', ' '));
        all = false;
        continue;
      }
      if (result.isValid()) {
        System.out.println(path + "\tVALID");
      } else {
        all = false;
        StringBuilder sb = new StringBuilder();
        for (ValidationError err : result.getErrorsList()) {
          if (sb.length() > 0) sb.append(" | ");
          sb.append(err.getErrorCode()).append(": ").append(String.valueOf(err.getDetails()).replace('\n', ' ').replace('\t', ' '));
        }
        System.out.println(path + "\tINVALID\t" + sb);
      }
    }
    System.exit(all ? 0 : 1);
  }
}
