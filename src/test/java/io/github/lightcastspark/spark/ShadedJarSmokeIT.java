package io.github.lightcastspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.emulator.EmulatorData;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The shaded jar on its own, as a user runs it: the emulator's runnable jar in one JVM ({@code java -jar}), and in
 * another the demo on Spark's jars and the connector jar (and the demo's class, without any other dependency: no
 * emulator, no Maven dependency tree), reading every dataset through {@code format("lightcast")}; its output must
 * hold the emulator's figures.
 */
class ShadedJarSmokeIT {
  /** The emulator's first line names its LMI root: the server's root followed by {@code /v1}. */
  private static final Pattern LISTENING = Pattern.compile("LMI base URL (http://[^/\\s]+)/v1");

  @Test
  void theShadedJarAloneReadsEveryDatasetThroughItsShortName() throws Exception {
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process emulator = new ProcessBuilder(
            java, "-jar", System.getProperty("lightcast.emulatorJar"), "--port", "0")
        .redirectErrorStream(true)
        .start();
    String output;
    try {
      String listening = new BufferedReader(
              new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8))
          .readLine();
      Matcher url = LISTENING.matcher(String.valueOf(listening));
      assertTrue(url.find(), "the emulator said: " + listening);
      // The demo's own class and nothing else of the tests: the emulator's classes are not on this
      // classpath.
      String demoClasses = Files.createTempDirectory("lightcast-demo").toString();
      String demo = "io/github/lightcastspark/demo/Demo.class";
      Files.copy(
          Path.of(System.getProperty("lightcast.testClasses"), demo),
          Files.createDirectories(Path.of(demoClasses, demo).getParent()).resolve("Demo.class"));
      String classpath =
          System.getProperty("lightcast.sparkJars") + File.separator + "*" + File.pathSeparator
              + System.getProperty("lightcast.shadedJar") + File.pathSeparator + demoClasses;
      List<String> command = new ArrayList<>();
      command.add(java);
      for (String option : System.getProperty("lightcast.javaOptions").trim().split("\\s+")) {
        command.add(option);
      }
      command.addAll(List.of("-cp", classpath, "io.github.lightcastspark.demo.Demo", url.group(1)));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the demo did not finish");
      assertEquals(0, process.exitValue(), output);
    } finally {
      emulator.destroy();
    }

    EmulatorData data = EmulatorData.builtIn();
    String californiaMedian =
        String.valueOf(data.occupationJson("15-1252", "state", "06", false, false)
            .path("laborMarketData")
            .path("medianAnnualSalary")
            .asDouble());
    assertTrue(
        output.contains("|15-1252|06        |Software Developers             |" + californiaMedian),
        output);
    assertTrue(output.contains("|99.9999|NULL   |NULL"), output);
    assertTrue(output.contains("[INVALID_CIP_CODE]"), output);
    assertTrue(output.contains("MSA_TO_STATE_PROJECTION_FALLBACK"), output);
    assertTrue(output.contains("|LO-15-1252  |Software Developers|California|"), output);
    assertTrue(output.contains("|E-1006  |Customer Care Rep|36"), output);
    assertTrue(
        output.contains("Planned: RequestKeys: socCode=[13-2011, 15-1252, 29-1141, 43-4051] (4),"
            + " regions=[state 06, state 36, state 48] (3)"),
        output);
    assertTrue(output.contains("|E-1002  |Mobile Engineer |Software Developers|128500.0|"), output);
    assertTrue(output.contains("PlannedRequests: 35, FromStore: 35, "), output);
    assertTrue(output.contains("Next run: 867 occupations, read from the store"), output);
  }

  /**
   * The POM published with the jar is the one a {@code --packages} user's Spark resolves: it must name its own
   * artifact (not a property of the build) and declare none of what the jar bundles.
   */
  @Test
  void thePublishedPomDeclaresNothingTheJarBundles() throws Exception {
    Document pom = DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new File(System.getProperty("lightcast.publishedPom")));
    Element project = pom.getDocumentElement();
    String artifactId = child(project, "artifactId").getTextContent();
    assertTrue(
        new File(System.getProperty("lightcast.shadedJar")).getName().startsWith(artifactId + "-"),
        artifactId);
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
    for (org.w3c.dom.Node node = parent.getFirstChild();
        node != null;
        node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }
}
