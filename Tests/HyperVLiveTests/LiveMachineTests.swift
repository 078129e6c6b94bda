import HyperVKit
import Testing

@testable import HyperVLive
