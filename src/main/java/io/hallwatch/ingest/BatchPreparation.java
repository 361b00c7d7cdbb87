package io.hallwatch.ingest;

import io.hallwatch.devices.Device;
import java.util.Collection;

/**
 * Lets a feature load, in one query, what it will need for the devices of an ingest batch, inside the
 * batch's transaction and before any message of it is handled, instead of one query per message.
 */
public interface BatchPreparation {

    void prepare(Collection<Device> devices);
}
