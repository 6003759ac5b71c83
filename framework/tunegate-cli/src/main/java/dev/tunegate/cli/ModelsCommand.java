package dev.tunegate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.tunegate.client.GeminiClient;
import dev.tunegate.client.GeminiJson;
import dev.tunegate.client.model.TunedModel;
import dev.tunegate.client.model.TuningSnapshot;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tunegate models}: list, show, update and delete tuned models. */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = "List, show, update and delete tuned models.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
            ModelsCommand.ListModels.class,
            ModelsCommand.Get.class,
            ModelsCommand.Patch.class,
            ModelsCommand.Delete.class
        })
final class ModelsCommand implements Runnable {
    private static final ObjectWriter JSON = GeminiJson.newMapper().writerWithDefaultPrettyPrinter();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: list, get, patch or delete");
    }

    /** What every models subcommand shares: the endpoint options, {@code --json}, and a client for the call. */
    abstract static class ModelsSubcommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        EndpointOptions endpoint;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @Override
        public final Integer call() {
            try (GeminiClient client = endpoint.client()) {
                return run(client, spec.commandLine().getOut());
            }
        }

        abstract int run(GeminiClient client, PrintWriter out);
    }

    static String qualified(String name) {
        return name.startsWith("tunedModels/") ? name : "tunedModels/" + name;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void printModel(PrintWriter out, TunedModel m) {
        TextTable table = new TextTable("FIELD", "VALUE");
        table.row("name", m.name());
        table.row("displayName", m.displayName());
        table.row("description", m.description());
        table.row("state", m.state());
        table.row("baseModel", source(m));
        table.row("createTime", m.createTime());
        table.row("updateTime", m.updateTime());
        table.row("temperature", m.temperature());
        table.row("topP", m.topP());
        table.row("topK", m.topK());
        if (m.tuningTask() != null) {
            var task = m.tuningTask();
            if (task.hyperparameters() != null) {
                var h = task.hyperparameters();
                table.row(
                        "epochs / batch / lr",
                        h.epochCount() + " / " + h.batchSize() + " / "
                                + (h.learningRate() != null ? h.learningRate() : "x" + h.learningRateMultiplier()));
            }
            table.row("tuning", task.startTime() + " → " + Objects.toString(task.completeTime(), "running"));
            List<TuningSnapshot> snapshots = task.snapshots();
            if (snapshots != null && !snapshots.isEmpty()) {
                TuningSnapshot last = snapshots.get(snapshots.size() - 1);
                table.row(
                        "last snapshot",
                        "step " + last.step() + ", epoch " + last.epoch() + ", mean loss "
                                + Losses.format(last.meanLoss()));
            }
        }
        out.print(table.render());
    }

    private static String source(TunedModel m) {
        if (m.baseModel() != null) {
            return m.baseModel();
        }
        if (m.tunedModelSource() != null) {
            return m.tunedModelSource().tunedModel() + " ("
                    + m.tunedModelSource().baseModel() + ")";
        }
        return "";
    }

    /** {@code tunegate models list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tuned models (all pages).")
    static final class ListModels extends ModelsSubcommand {
        @Option(
                names = "--filter",
                paramLabel = "TEXT",
                description = "Full-text filter, e.g. 'owner:me' or words of the display name.")
        String filter;

        @Option(names = "--page-size", paramLabel = "N", description = "Models fetched per request.")
        Integer pageSize;

        @Override
        int run(GeminiClient client, PrintWriter out) {
            List<TunedModel> models =
                    client.listAllTunedModels(pageSize, filter).toList();
            if (json) {
                out.println(json(models));
            } else if (models.isEmpty()) {
                out.println("No tuned models.");
            } else {
                TextTable table = new TextTable("NAME", "DISPLAY NAME", "STATE", "BASE MODEL", "CREATED");
                for (TunedModel m : models) {
                    table.row(m.name(), m.displayName(), m.state(), source(m), m.createTime());
                }
                out.print(table.render());
            }
            return ExitCodes.OK;
        }
    }

    /** {@code tunegate models get NAME}. */
    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show one tuned model.")
    static final class Get extends ModelsSubcommand {
        @Parameters(paramLabel = "NAME", description = "tunedModels/ID or ID.")
        String name;

        @Override
        int run(GeminiClient client, PrintWriter out) {
            TunedModel model = client.getTunedModel(qualified(name));
            if (json) {
                out.println(json(model));
            } else {
                printModel(out, model);
            }
            return ExitCodes.OK;
        }
    }

    /** {@code tunegate models patch NAME --display-name ...}. */
    @Command(
            name = "patch",
            mixinStandardHelpOptions = true,
            description = "Update a tuned model's display name, description or sampling defaults.")
    static final class Patch extends ModelsSubcommand {
        @Parameters(paramLabel = "NAME", description = "tunedModels/ID or ID.")
        String name;

        @Option(names = "--display-name", paramLabel = "NAME")
        String displayName;

        @Option(names = "--description", paramLabel = "TEXT")
        String description;

        @Option(names = "--temperature", paramLabel = "T")
        Double temperature;

        @Option(names = "--top-p", paramLabel = "P")
        Double topP;

        @Option(names = "--top-k", paramLabel = "K")
        Integer topK;

        @Override
        int run(GeminiClient client, PrintWriter out) {
            List<String> mask = new ArrayList<>();
            TunedModel.Builder update = TunedModel.builder().name(qualified(name));
            if (displayName != null) {
                update.displayName(displayName);
                mask.add("displayName");
            }
            if (description != null) {
                update.description(description);
                mask.add("description");
            }
            if (temperature != null) {
                update.temperature(temperature);
                mask.add("temperature");
            }
            if (topP != null) {
                update.topP(topP);
                mask.add("topP");
            }
            if (topK != null) {
                update.topK(topK);
                mask.add("topK");
            }
            if (mask.isEmpty()) {
                throw new ParameterException(
                        spec.commandLine(),
                        "Nothing to update: give --display-name, --description, --temperature, --top-p or --top-k");
            }
            TunedModel model = client.patchTunedModel(update.build(), mask);
            if (json) {
                out.println(json(model));
            } else {
                out.println("Updated " + String.join(", ", mask) + " of " + model.name());
                printModel(out, model);
            }
            return ExitCodes.OK;
        }
    }

    /** {@code tunegate models delete NAME...}. */
    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete tuned models.")
    static final class Delete extends ModelsSubcommand {
        @Parameters(arity = "1..*", paramLabel = "NAME", description = "tunedModels/ID or ID.")
        List<String> names;

        @Override
        int run(GeminiClient client, PrintWriter out) {
            for (String name : names) {
                client.deleteTunedModel(qualified(name));
                out.println(json ? json(java.util.Map.of("deleted", qualified(name))) : "Deleted " + qualified(name));
            }
            return ExitCodes.OK;
        }
    }
}
