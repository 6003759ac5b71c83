package dev.tunegate.engine.platform.discovery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.ModuleSelector;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;

/**
 * Warns when the request searched places that could hold suites (classpath roots, packages,
 * modules, directories) and the engine found none, so that misplaced suites do not make a green run
 * that ran nothing. Requests with only other selectors (Surefire's class selectors, files, unique
 * ids) are left alone: the engine ignores classes by design, and a missing file is the selector's own
 * problem.
 */
final class NoSuitesFound {

    private NoSuitesFound() {}

    static void check(EngineDiscoveryRequest request, TestDescriptor engine, DiscoveryIssueReporter issues) {
        if (!engine.getChildren().isEmpty()) {
            return;
        }
        List<String> searched = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (PackageSelector selector : request.getSelectorsByType(PackageSelector.class)) {
            String name = selector.getPackageName();
            String path = name.isEmpty() ? "" : name.replace('.', '/') + "/";
            searched.add(name.isEmpty() ? "the default package (the whole classpath)" : "package '" + name + "'");
            expected.add(path + "**/*.eval.yaml on the classpath (src/test/resources/" + path + " in a Maven project)");
        }
        for (ClasspathRootSelector selector : request.getSelectorsByType(ClasspathRootSelector.class)) {
            String root = selector.getClasspathRoot().getScheme().equals("file")
                    ? Path.of(selector.getClasspathRoot()).toString()
                    : selector.getClasspathRoot().toString();
            searched.add("classpath root " + root);
            expected.add(root + "/**/*.eval.yaml");
        }
        for (ModuleSelector selector : request.getSelectorsByType(ModuleSelector.class)) {
            searched.add("module '" + selector.getModuleName() + "'");
        }
        for (DirectorySelector selector : request.getSelectorsByType(DirectorySelector.class)) {
            searched.add("directory " + selector.getRawPath());
            expected.add(selector.getRawPath() + "/**/*.eval.yaml");
        }
        if (searched.isEmpty()) {
            return;
        }
        String message = "No evaluation suite found in " + String.join(", ", searched)
                + ", so no suite runs: suites are files named *.eval.yaml or *.eval.yml (plain *.yaml files are not)"
                + (expected.isEmpty() ? "" : ", expected at " + String.join(", ", expected)) + ".";
        issues.reportIssue(DiscoveryIssue.create(DiscoveryIssue.Severity.WARNING, message));
    }
}
