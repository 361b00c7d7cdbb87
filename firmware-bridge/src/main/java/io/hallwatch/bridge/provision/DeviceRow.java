package io.hallwatch.bridge.provision;

import io.hallwatch.bridge.contract.Kind;

/**
 * One device of a devices CSV file, as the service's import takes it.
 *
 * @param line   the line of the user's file the row starts on
 * @param id     the device id (also its MQTT user name)
 * @param hall   the hall id
 * @param kind   the device kind
 * @param window the window it watches (presence and signage), or null
 * @param zone   free text placing a bin or badge reader, or null
 */
public record DeviceRow(int line, String id, String hall, Kind kind, String window, String zone) {
}
