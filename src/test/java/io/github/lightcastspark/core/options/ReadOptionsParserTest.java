package io.github.lightcastspark.core.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadOptionsParserTest {
  private static final String KEY = "<platform-key>";

  private static Map<String, String> base(String... pairs) {
    Map<String, String> options = new HashMap<>(
        Map.of("path", "occupations", "secret.platformKey", KEY, "environment", "testing"));
    for (int i = 0; i < pairs.length; i += 2) {
      options.put(pairs[i], pairs[i + 1]);
    }
    return options;
  }

  private static ReadOptions parse(Map<String, String> options) {
    return ReadOptionsParser.parse(options, Map.of(), Map.of());
  }

  private static String error(Map<String, String> options) {
    return assertThrows(LightcastOptionException.class, () -> parse(options)).getMessage();
  }

  @Test
  void parsesEveryOptionCaseInsensitively() {
    ReadOptions o = parse(base(
        "SOCCODES",
        "29-1141, 15-1252,15-1252",
        "regiontype",
        "state",
        "RegionCodes",
        "6,36",
        "includeSkills",
        "TRUE",
        "fallbackToState",
        "false",
        "rateLimit",
        "2.5",
        "maxRetries",
        "3",
        "requestTimeout",
        "1500ms",
        "maxPartitions",
        "4",
        "baseUrl",
        "http://127.0.0.1:9/v1/",
        "cacheTtl",
        "2h"));
    assertEquals(Dataset.OCCUPATIONS, o.dataset());
    assertEquals(List.of("15-1252", "29-1141"), o.codes().orElseThrow());
    assertEquals(RegionType.STATE, o.regionType().orElseThrow());
    assertEquals(List.of("06", "36"), o.regionCodes().orElseThrow());
    assertTrue(o.get(ReadOption.INCLUDE_SKILLS));
    assertFalse(o.get(ReadOption.FALLBACK_TO_STATE));
    assertEquals(2.5, o.rateLimit());
    assertEquals(3, o.maxRetries());
    assertEquals(Duration.ofMillis(1500), o.requestTimeout());
    assertEquals(4, o.maxPartitions().orElseThrow());
    assertEquals(Duration.ofHours(2), o.cacheTtl());
    assertEquals("http://127.0.0.1:9/v1", o.baseUrl());
    assertEquals(Environment.TESTING, o.get(ReadOption.ENVIRONMENT));
  }

  @Test
  void defaultsFollowTheContract() {
    ReadOptions o = parse(base());
    assertEquals(5.0, o.rateLimit());
    assertEquals(5, o.maxRetries());
    assertEquals(Duration.ofSeconds(30), o.requestTimeout());
    assertEquals(Optional.empty(), o.maxPartitions());
    assertEquals(Duration.ZERO, o.cacheTtl(), "off unless asked for");
    assertEquals("https://embedded-api.testing.mapademics.com/v1", o.baseUrl());
    assertEquals("X-Customer-Key", o.get(ReadOption.CUSTOMER_KEY_HEADER));
    assertEquals("fallbackToState", o.get(ReadOption.FALLBACK_TO_STATE_FIELD));
    assertEquals(Optional.empty(), o.codes());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "socCodes|15-125|option socCodes has invalid value '15-125': codes are NN-NNNN",
        "socCodes| , |option socCodes has invalid value ',': expected a comma-separated, non-empty list",
        "cipCodes|11.0701|Option cipCodes does not apply to dataset occupations; use socCodes",
        "regionType|county|option regionType has invalid value 'county': valid values are national, state, msa",
        "regionCodes|03|option regionCodes has invalid region code '03': it is not the FIPS code of a state",
        "regionCodes|4186|option regionCodes has invalid region code '4186': region codes are 2-digit state FIPS",
        "environment|staging|option environment has invalid value 'staging': valid values are testing, production",
        "rateLimit|0|option rateLimit has invalid value '0': expected requests per second",
        "rateLimit|fast|option rateLimit has invalid value 'fast'",
        "maxRetries|-1|option maxRetries has invalid value '-1': expected a whole number from 0 to 20",
        "maxPartitions|0|option maxPartitions has invalid value '0': expected a whole number from 1 to 100000",
        "requestTimeout|0s|option requestTimeout has invalid value '0s': expected a duration",
        "cacheTtl|367d|option cacheTtl has invalid value '367d': expected 0 (off) or a duration of at most 366d",
        "cacheTtl|-1|option cacheTtl has invalid value '-1': expected 0 (off) or a duration",
        "includeSkills|yes|option includeSkills has invalid value 'yes': valid values are true, false",
        "baseUrl|ftp://x/v1|option baseUrl has invalid value 'ftp://x/v1': expected an http(s) URL",
        "customerKeyHeader|X Key|option customerKeyHeader has invalid value 'X Key'",
        "socCode|15-1252|Unknown option 'socCode'. Valid options: dataset, secret.platformKey",
        "dataset|regions|Option dataset is 'regions' but load() was given 'occupations'",
        "rateLimit|0.001|option rateLimit has invalid value '0.001': expected requests per second, a number from 0.01"
            + " to 10000",
        "rateLimit|1e-300|option rateLimit has invalid value '1e-300'",
        "baseUrl|http://127.0.0.1:99999/v1|option baseUrl has invalid value 'http://127.0.0.1:99999/v1': expected an"
            + " http(s) URL with a host, a port from 1 to 65535",
        "baseUrl|http://127.0.0.1:8787/v1#top|option baseUrl has invalid value 'http://127.0.0.1:8787/v1#top'",
        "baseUrl|http://127.0.0.1:8787/v1?a=b|option baseUrl has invalid value",
        "fallbackToStateField|socCodes|option fallbackToStateField has invalid value 'socCodes': it names a field the"
            + " request body already has",
        "fallbackToStateField|region|option fallbackToStateField has invalid value 'region'",
        "platformKey|pk_test_x|Option platformKey is a credential: give it as secret.platformKey. Every credential's"
            + " name starts with 'secret.', so that Spark redacts it in plans, the Spark UI, the event log and SET.",
      })
  void everyBadValueIsNamedWithWhatIsValid(String option, String value, String expected) {
    String message = error(base(option, value));
    assertTrue(message.toLowerCase().contains(expected.toLowerCase()), message);
  }

  @Test
  void aKeyGivenAsTheDatasetIsNotEchoed() {
    String message = error(base("path", "pk_test_0a1b-2c3d"));
    assertEquals(
        "Unknown dataset (a value of 17 characters that is no dataset name, not shown as it may be a"
            + " credential). Valid datasets: occupations, occupations_by_cip, regions, occupation_growth.",
        message);
    assertTrue(error(base("path", "occupation")).startsWith("Unknown dataset 'occupation'."));
  }

  @Test
  void credentialsInAUrlAreRefusedAndNeverShown() {
    for (String option : List.of("baseUrl", "authUrl")) {
      Map<String, String> options = base(option, "http://user:<client-secret>@127.0.0.1:8787/v1");
      if (option.equals("authUrl")) {
        options = new HashMap<>(Map.of(
            "path",
            "occupation_growth",
            "secret.clientId",
            "<client-id>",
            "secret.clientSecret",
            "<client-secret>",
            option,
            "http://user:<client-secret>@127.0.0.1:8787/token"));
      }
      String message = error(options);
      assertTrue(
          message.startsWith("Option " + option
              + " holds credentials ('user:password@'), which are not" + " shown"),
          message);
      assertFalse(message.contains("<client-secret>") || message.contains("127.0.0.1"), message);
    }
  }

  @Test
  void aCredentialUnderItsOldNameInSparkConfIsRefused() {
    String message = assertThrows(
            LightcastOptionException.class,
            () -> ReadOptionsParser.parse(
                base(), Map.of("spark.lightcast.clientSecret", "<client-secret>"), Map.of()))
        .getMessage();
    assertEquals(
        "Spark conf spark.lightcast.clientSecret is a credential: give it as"
            + " spark.lightcast.secret.clientSecret. Every credential's name starts with 'secret.', so that"
            + " Spark redacts it in plans, the Spark UI, the event log and SET.",
        message);
  }

  @Test
  void anUnknownSparkConfEntryIsRefusedAsAnUnknownOptionIs() {
    String message = assertThrows(
            LightcastOptionException.class,
            () -> ReadOptionsParser.parse(
                base(),
                Map.of("spark.lightcast.socCode", "15-1252", "spark.other.setting", "x"),
                Map.of()))
        .getMessage();
    assertEquals(
        "Unknown Spark conf entry 'spark.lightcast.socCode': no option is named 'socCode'. Valid options: "
            + ReadOption.validKeys() + ".",
        message);
  }

  @Test
  void regionCodesMustMatchTheRegionType() {
    assertTrue(error(base("regionType", "state", "regionCodes", "41860"))
        .contains("it is a msa code but option regionType is state"));
    assertTrue(error(base("regionType", "national", "regionCodes", "06"))
        .contains("which takes no region codes"));
    assertEquals(
        "Option regionCodes does not apply to dataset regions; filter its rows with"
            + " where(\"regionCode IN (...)\").",
        error(base("path", "regions", "regionCodes", "06")));
  }

  @Test
  void datasetIsRequiredAndKnown() {
    Map<String, String> none = base();
    none.remove("path");
    assertTrue(error(none)
        .contains("Missing dataset: use load(\"<dataset>\") or option dataset. Valid datasets:"
            + " occupations, occupations_by_cip, regions"));
    assertTrue(error(base("path", "skills"))
        .contains("Unknown dataset 'skills'. Valid datasets: occupations,"));
  }

  @Test
  void productionNeedsACustomerKeyAndKeysNeverShow() {
    Map<String, String> prod = base("environment", "production");
    assertTrue(error(prod).contains("Missing customer key"));
    prod.put("secret.customerKey", "<customer-key>");
    ReadOptions o = parse(prod);
    assertEquals("<customer-key>", o.get(ReadOption.CUSTOMER_KEY).reveal());
    assertFalse(o.toString().contains("<customer-key>"), o.toString());
    assertFalse(o.toString().contains(KEY), o.toString());
    Map<String, String> noKey = base();
    noKey.remove("secret.platformKey");
    assertTrue(
        error(noKey)
            .contains(
                "Missing platform key: set option secret.platformKey, Spark conf"
                    + " spark.lightcast.secret.platformKey or environment variable LIGHTCAST_PLATFORM_KEY (of"
                    + " the driver as it started: one set later, in a notebook's os.environ, is not seen)"));
  }

  @Test
  void explicitOptionsWinOverSparkConfWhichWinsOverTheEnvironment() {
    Map<String, String> options = base();
    options.remove("secret.platformKey");
    Map<String, String> env =
        Map.of("LIGHTCAST_PLATFORM_KEY", "pk_test_env", "LIGHTCAST_CUSTOMER_KEY", "ck_env");
    ReadOptions fromEnv = ReadOptionsParser.parse(options, Map.of(), env);
    assertEquals("pk_test_env", fromEnv.get(ReadOption.PLATFORM_KEY).reveal());
    assertEquals("ck_env", fromEnv.get(ReadOption.CUSTOMER_KEY).reveal());
    Map<String, String> conf = Map.of(
        "spark.lightcast.secret.platformKey",
        "pk_test_conf",
        "spark.lightcast.RATELIMIT",
        "2",
        "spark.other.setting",
        "x");
    ReadOptions fromConf = ReadOptionsParser.parse(options, conf, env);
    assertEquals("pk_test_conf", fromConf.get(ReadOption.PLATFORM_KEY).reveal());
    assertEquals(2.0, fromConf.rateLimit());
    options.put("secret.platformKey", "pk_test_option");
    options.put("rateLimit", "1");
    ReadOptions fromOption = ReadOptionsParser.parse(options, conf, env);
    assertEquals("pk_test_option", fromOption.get(ReadOption.PLATFORM_KEY).reveal());
    assertEquals(1.0, fromOption.rateLimit());
    String confError = assertThrows(
            LightcastOptionException.class,
            () -> ReadOptionsParser.parse(
                base(), Map.of("spark.lightcast.maxRetries", "many"), Map.of()))
        .getMessage();
    assertTrue(
        confError.startsWith("Spark conf spark.lightcast.maxRetries has invalid value 'many'"),
        confError);
  }
}
