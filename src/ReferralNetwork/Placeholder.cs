namespace ReferralNetwork;
public static class Placeholder;
