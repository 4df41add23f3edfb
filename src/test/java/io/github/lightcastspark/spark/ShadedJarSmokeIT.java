package io.github.lightcastspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.emulator.EmulatorData;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The shaded jar on its own: a separate JVM whose classpath is Spark's jars and the connector jar, nothing else (no
 * test classes, no Maven dependency tree), runs the demo, which reads every dataset from the jar's emulator through
 * {@code format("lightcast")}; its output must hold the emulator's figures.
 */
class ShadedJarSmokeIT {
  @Test
  void theShadedJarAloneReadsEveryDatasetThroughItsShortName() throws Exception {
    String classpath = System.getProperty("lightcast.sparkJars") + File.separator + "*" + File.pathSeparator
        + System.getProperty("lightcast.shadedJar");
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    for (String option : System.getProperty("lightcast.javaOptions").trim().split("\\s+")) {
      command.add(option);
    }
    command.addAll(List.of("-cp", classpath, "io.github.lightcastspark.demo.Demo"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the demo did not finish");
    assertEquals(0, process.exitValue(), output);

    EmulatorData data = EmulatorData.builtIn();
    String californiaMedian = String.valueOf(data.occupationJson("15-1252", "state", "06", false, false)
        .path("laborMarketData").path("medianAnnualSalary").asDouble());
    assertTrue(output.contains("|15-1252|06        |Software Developers             |" + californiaMedian), output);
    assertTrue(output.contains("|99.9999|NULL   |NULL"), output);
    assertTrue(output.contains("[INVALID_CIP_CODE]"), output);
    assertTrue(output.contains("MSA_TO_STATE_PROJECTION_FALLBACK"), output);
    assertTrue(output.contains("|LO-15-1252  |Software Developers|California|"), output);
    assertTrue(output.contains("|E-1006  |Customer Care Rep|36"), output);
  }

  /**
   * The POM published with the jar is the one a {@code --packages} user's Spark resolves: it must name its own
   * artifact (not a property of the build) and declare none of what the jar bundles.
   */
  @Test
  void thePublishedPomDeclaresNothingTheJarBundles() throws Exception {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(System.getProperty("lightcast.publishedPom")));
    Element project = pom.getDocumentElement();
    String artifactId = child(project, "artifactId").getTextContent();
    assertTrue(new File(System.getProperty("lightcast.shadedJar")).getName().startsWith(artifactId + "-"), artifactId);
    List<String> runtime = new ArrayList<>();
    NodeList dependencies = child(project, "dependencies").getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      if (dependency.getParentNode().getParentNode() != project) {
        continue;
      }
      Element scope = child(dependency, "scope");
      if (scope == null || !List.of("provided", "test").contains(scope.getTextContent())) {
        runtime.add(child(dependency, "artifactId").getTextContent());
      }
    }
    assertEquals(List.of(), runtime, "dependencies a --packages user would resolve");
  }

  private static Element child(Element parent, String name) {
    for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }
}
