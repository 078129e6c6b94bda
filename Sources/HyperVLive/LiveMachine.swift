import HyperVKit
