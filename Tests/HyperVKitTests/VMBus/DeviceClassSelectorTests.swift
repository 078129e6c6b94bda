import Testing

@testable import HyperVKit

/// One way to name a device's class (issue 16): the catalogue's short name, the GUID of a class it
/// does not know, `unknown` when `class_id` could not be read.
@Suite struct DeviceClassSelectorTests {
    private func device(classID: String?) -> VMBusDevice {
        var device = VMBusDevice(
            deviceID: "000d3a7c-1234-4abc-8def-0123456789ab", sysfsPath: "/sys/bus/vmbus/devices/000d3a7c")
        device.classID = classID
        device.deviceClass = classID.flatMap(DeviceClassCatalog.lookup(guid:))
        return device
    }

    @Test func namesAKnownClassByItsShortName() {
        // Synthetic network adapter, HV_NIC_GUID in include/linux/hyperv.h.
        let nic = device(classID: "f8615163-df3e-46c5-913f-f2d2f965ed0e")
        #expect(nic.classIdentifier == "nic")
        #expect(nic.classLabel == "nic")
        #expect(nic.briefName == "nic 000d3a7c")
    }

    @Test func namesAnUnknownClassByItsGUID() {
        let other = device(classID: "01234567-89ab-4cde-8f01-23456789abcd")
        #expect(other.classIdentifier == nil)
        #expect(other.classLabel == "01234567-89ab-4cde-8f01-23456789abcd")
        #expect(other.briefName == "01234567-89ab-4cde-8f01-23456789abcd 000d3a7c")
    }

    @Test func saysUnknownWithoutAClassID() {
        let unread = device(classID: nil)
        #expect(unread.classLabel == "unknown")
        #expect(unread.briefName == "unknown 000d3a7c")
    }
}
